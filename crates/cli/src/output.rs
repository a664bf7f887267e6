// output formats
