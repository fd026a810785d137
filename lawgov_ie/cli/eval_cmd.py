"""``lawgov-ie eval GOLD_DIR [--docs DIR] [--segmenter char] [--errors] [--json]``: run the
extractor on the documents of a gold folder and print the figures of docs/annotation.md §7."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from lawgov_ie.api import extract
from lawgov_ie.cli.options import add_reading_options
from lawgov_ie.evaluation.gold import check_gold, document_text, read_docs_dir, read_gold_dir
from lawgov_ie.evaluation.scoring import (
    evaluate,
    evaluate_entities,
    format_figures,
    format_indicator_confusion,
    indicator_confusion,
)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval", help="score the extractor against a folder of gold files",
        description="Run the extractor on every document of a gold folder and print precision, "
                    "recall and F1 and the agreement figures of the annotation guideline.")
    parser.add_argument("gold", metavar="GOLD_DIR", help="folder of <id>.json gold files")
    parser.add_argument("--docs", metavar="DIR", default=None,
                        help="folder of <id>.json documents with 'id' and 'text' (default: each "
                             "gold file's 'source')")
    add_reading_options(parser)
    parser.add_argument("--errors", action="store_true",
                        help="also list each miss, false hit and label disagreement, and the "
                             "indicator confusion table (gold id → predicted id counts)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--part", choices=["all", "tune", "heldout"], default="all",
                        help="score only part of the gold folder: 'heldout' is the documents "
                             "whose numeric id is divisible by 3, 'tune' the others (rules are "
                             "tuned on 'tune' and checked on 'heldout'; docs/evaluation.md)")
    parser.set_defaults(run=run)


def in_part(doc_id: str, part: str) -> bool:
    """Whether the gold document ``doc_id`` belongs to ``part`` (all, tune or heldout): held out
    are the documents whose id is a number divisible by 3; an id that is no number is tuned on."""
    if part == "all":
        return True
    held_out = doc_id.isdigit() and int(doc_id) % 3 == 0
    return held_out == (part == "heldout")


def run(args: argparse.Namespace) -> int:
    golds = [gold for gold in read_gold_dir(args.gold) if in_part(gold.id, args.part)]
    docs = read_docs_dir(args.docs) if args.docs else None
    triples = []
    for gold in golds:
        text = document_text(gold, docs)
        for problem in check_gold(gold, text):
            print(f"lawgov-ie eval: warning: {problem}", file=sys.stderr)
        report = extract(text, source=gold.source or gold.id, patterns=args.patterns,
                         segmenter=args.segmenter)
        triples.append((gold, report, text))
    scores = evaluate(triples)
    entity_scores = evaluate_entities(triples)
    figures = scores.figures()
    figures["entities"] = entity_scores.figures()
    figures["gold"] = str(Path(args.gold))
    figures["segmenter"] = args.segmenter
    figures["part"] = args.part
    if args.json:
        if args.errors:
            figures["errors"] = [asdict(error) for error in scores.errors]
            figures["indicator_confusion"] = indicator_confusion(scores.indicator_pairs)
            figures["entity_errors"] = [asdict(error) for error in entity_scores.errors]
        sys.stdout.write(json.dumps(figures, ensure_ascii=False, indent=1) + "\n")
        return 0
    part = "" if args.part == "all" else f", {args.part} part"
    title = f"{args.gold}  [{args.segmenter}{part}]"
    sys.stdout.write(format_figures(figures, title) + "\n")
    if figures["entities"] is not None:
        sys.stdout.write(format_entity_figures(figures["entities"]) + "\n")
    if args.errors:
        sys.stdout.write(f"errors ({len(scores.errors)})\n")
        for error in sorted(scores.errors, key=lambda e: (e.doc_id, e.start, e.type)):
            sys.stdout.write("  " + error.describe() + "\n")
        sys.stdout.write(format_indicator_confusion(scores.indicator_pairs) + "\n")
        if figures["entities"] is not None:
            sys.stdout.write(f"entity errors ({len(entity_scores.errors)})\n")
            for entity_error in sorted(entity_scores.errors,
                                       key=lambda e: (e.doc_id, e.start, e.type)):
                sys.stdout.write("  " + entity_error.describe() + "\n")
    return 0


def _entity_cell(figures: dict[str, Any]) -> str:
    def pct(value: float | None) -> str:
        return "    - " if value is None else f"{100 * value:5.1f}%"

    return (f"{pct(figures['precision'])} {pct(figures['recall'])} {pct(figures['f1'])}"
            f"  {figures['tp']:>4} {figures['fp']:>4} {figures['fn']:>4}")


def format_entity_figures(figures: dict[str, Any]) -> str:
    """The entity figures as a table: a line per label (and all), exact then overlap."""
    head = "     P      R      F1     tp   fp   fn"
    out = [f"entities ({figures['documents']} documents with gold entities; DATE not scored)",
           f"  {'':<8}{'exact':<40}{'overlap'}",
           f"  {'':<8}{head}   {head}"]
    for label in figures["exact"]:
        out.append(f"  {label:<8}{_entity_cell(figures['exact'][label])}   "
                   f"{_entity_cell(figures['overlap'][label])}")
    return "\n".join(out)
