#!/usr/bin/env python3
"""Scores dump reconciliation on a gold set of (board, dump) -> expected outcome cases.

Each case starts from a fresh data dir: the board is imported with `utter tasks import`,
the dump is saved with `utter dump --text … --json`, and what the dump said it did is
compared with the case:

  precision  of the cards the dump changed (same / update), the share it got right
             (the right card and, for an update, the right change). A wrong merge loses
             what the user said, so this is the number that must stay high.
  recall     of the changes the case expects, the share the dump made.
  new kept   expected new work that became a card (new or unsure).
  nothing deleted: every card of the board is still there after the dump.

  python3 scripts/score_reconcile.py [--utter target/debug/utter] [--engine offline|llm]
        [--gold tests/eval/reconcile_gold.json] [--min-precision 0.95] [--min-recall 0] [-v]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile


def run(utter, data_dir, *args, stdin=None):
    out = subprocess.run(
        [utter, "--data-dir", data_dir, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if out.returncode != 0:
        raise RuntimeError(f"utter {' '.join(args)} failed: {out.stderr.strip()}")
    return out.stdout


def score_case(utter, engine, now, case):
    with tempfile.TemporaryDirectory() as d:
        board_file = os.path.join(d, "board.json")
        with open(board_file, "w") as f:
            json.dump(case["board"], f)
        data = os.path.join(d, "data")
        made = json.loads(run(utter, data, "tasks", "import", board_file, "--json"))
        ids = [t["id"] for t in made]
        result = json.loads(
            run(utter, data, "dump", "--text", case["dump"], "--now", now, "--engine", engine, "--json")
        )
        after = json.loads(run(utter, data, "tasks", "list", "--json"))
        cancelled = json.loads(run(utter, data, "tasks", "list", "--cancelled", "--json"))
    still = {t["id"] for t in after} | {t["id"] for t in cancelled}
    deleted = [i for i in ids if i not in still]
    predicted = [
        (ids.index(i["task"]["id"]), i["outcome"], " ".join(i["changes"]))
        for i in result.get("items", [])
        if i["outcome"] in ("same", "update") and i["task"]["id"] in ids
    ]
    expected = case["expect"]
    right = 0
    wrong = []
    for card, outcome, changes in predicted:
        hit = next((e for e in expected if e["card"] == card), None)
        ok = hit is not None and (
            hit["outcome"] == "same" or hit.get("change", "") in changes
        )
        if ok:
            right += 1
        else:
            wrong.append(f"{outcome} #{card} '{case['board'][card]['title']}' ({changes})")
    found = {card for card, _, _ in predicted}
    missed = [e for e in expected if e["card"] not in found]
    new_titles = [
        i["task"]["title"].lower()
        for i in result.get("items", [])
        if i["outcome"] in ("new", "unsure")
    ]
    new_ok = [n for n in case.get("new", []) if any(n.lower() in t for t in new_titles)]
    return {
        "predicted": len(predicted),
        "right": right,
        "expected": len(expected),
        "found": len(expected) - len(missed),
        "wrong": wrong,
        "missed": missed,
        "new": len(case.get("new", [])),
        "new_ok": len(new_ok),
        "deleted": deleted,
        "answers": result.get("answers", []),
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument("--utter", default=os.path.join(root, "target", "debug", "utter"))
    ap.add_argument("--gold", default=os.path.join(root, "tests", "eval", "reconcile_gold.json"))
    ap.add_argument("--engine", default="offline", choices=["offline", "llm", "auto"])
    ap.add_argument("--min-precision", type=float, default=0.95)
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    gold = json.load(open(a.gold))
    totals = dict(predicted=0, right=0, expected=0, found=0, new=0, new_ok=0)
    deleted = 0
    for n, case in enumerate(gold["cases"], 1):
        r = score_case(a.utter, a.engine, gold["now"], case)
        for k in totals:
            totals[k] += r[k]
        deleted += len(r["deleted"])
        if a.verbose and (r["wrong"] or r["missed"] or r["deleted"] or r["new_ok"] < r["new"]):
            print(f"case {n}: {case['dump']}")
            for w in r["wrong"]:
                print(f"   WRONG  {w}")
            for m in r["missed"]:
                print(f"   missed {m['outcome']} #{m['card']} '{case['board'][m['card']]['title']}'")
            if r["new_ok"] < r["new"]:
                print(f"   new work not kept: {case['new']}")
            if r["deleted"]:
                print(f"   DELETED {r['deleted']}")
    precision = totals["right"] / totals["predicted"] if totals["predicted"] else 1.0
    recall = totals["found"] / totals["expected"] if totals["expected"] else 1.0
    new_rate = totals["new_ok"] / totals["new"] if totals["new"] else 1.0
    print(f"cases            {len(gold['cases'])}")
    print(f"engine           {a.engine}")
    print(f"precision        {precision:.3f}  ({totals['right']}/{totals['predicted']} changes to existing cards right)")
    print(f"recall           {recall:.3f}  ({totals['found']}/{totals['expected']} expected changes made)")
    print(f"new work kept    {new_rate:.3f}  ({totals['new_ok']}/{totals['new']})")
    print(f"cards deleted    {deleted}")
    ok = precision >= a.min_precision and recall >= a.min_recall and deleted == 0
    if not ok:
        print(
            f"FAIL: needs precision >= {a.min_precision}, recall >= {a.min_recall}, nothing deleted",
            file=sys.stderr,
        )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
