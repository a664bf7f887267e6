//! The small invented dataset shared by the end-to-end tests.

use std::path::Path;

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// Invented articles where the labels follow from obvious words, so a working pipeline must
/// learn them: "traitors"/"disgrace" lines are Name_Calling/Loaded_Language, numbers-and-sources
/// articles are reporting about the economy, the rest opinion about crime.
pub fn dataset(root: &Path) {
    let mut l1 = String::new();
    let mut l2 = String::new();
    let mut l3 = String::new();
    for i in 0..40 {
        let id = 1000 + i;
        let reporting = i % 2 == 0;
        let (title, body, genre, frames) = if reporting {
            (
                format!("Budget figures published for quarter {i}"),
                vec![
                    format!("The ministry said on Monday that spending rose by {i} percent, according to official data."),
                    "Economists at the central bank expect inflation to ease next year.".to_string(),
                    "These traitors and their disgraceful lies are a disgrace to the nation.".to_string(),
                ],
                "reporting",
                "Economic",
            )
        } else {
            (
                format!("Crime wave shows the mayor has failed, part {i}"),
                vec![
                    "Everyone knows the mayor has failed and the streets are no longer safe."
                        .to_string(),
                    "These traitors and their disgraceful lies are a disgrace to the nation."
                        .to_string(),
                    "Police arrested more criminals than ever, yet nothing changes.".to_string(),
                ],
                "opinion",
                "Crime_and_punishment",
            )
        };
        let text = format!("{title}\n\n{}\n", body.join("\n"));
        write(root, &format!("en/articles/article{id}.txt"), &text);
        l1.push_str(&format!("{id}\t{genre}\n"));
        l2.push_str(&format!("{id}\t{frames}\n"));
        l3.push_str(&format!("{id}\t1\t\n"));
        for (k, line) in body.iter().enumerate() {
            let labels = if line.contains("traitors") {
                "Name_Calling-Labeling,Loaded_Language"
            } else {
                ""
            };
            l3.push_str(&format!("{id}\t{}\t{labels}\n", k + 3));
        }
    }
    write(root, "en/labels-subtask-1.txt", &l1);
    write(root, "en/labels-subtask-2.txt", &l2);
    write(root, "en/labels-subtask-3.txt", &l3);
}
