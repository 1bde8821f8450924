"""Prints bench/run.sh's results (lines "size=L RESULT engine=E k=v ...")
as Markdown tables.

    python3 bench/sbs/table.py build/bench-sbs/results.txt
"""
import sys


def load(path):
    rows = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3 or parts[1] != "RESULT":
                continue
            label = parts[0].split("=", 1)[1]
            fields = dict(p.split("=", 1) for p in parts[2:])
            if label not in order:
                order.append(label)
            rows[(label, fields["engine"])] = fields
    return order, rows


def num(row, key):
    try:
        return float(row[key])
    except (KeyError, TypeError, ValueError):
        return None


def status(row):
    if row is None:
        return "—"
    if "timeout" in row:
        return "timeout (%s s)" % row["timeout"]
    if "failed" in row:
        return "failed"
    if "not_evaluated" in row:
        return "not evaluated"
    return None


def ns(row):
    s = status(row)
    if s:
        return s
    v = num(row, "ns_per_gate")
    return "{:,.0f}".format(v) if v >= 100 else "%.1f" % v


def us(row, key="compile_us_per_gate"):
    s = status(row)
    if s and not (row and key in row):
        return s
    v = num(row, key)
    return "%.2f" % v if v < 100 else "{:,.0f}".format(v)


def ratio(a, b):
    x, y = num(a or {}, "ns_per_gate"), num(b or {}, "ns_per_gate")
    if x is None or y is None or y == 0:
        return "—"
    r = x / y
    return "%.1f×" % r if r < 100 else "{:,.0f}×".format(r)


def main():
    order, rows = load(sys.argv[1])
    engines = ["hand", "rollgate", "cel-js", "bufbuild"]
    print("| gates | hand-written C++ ns/gate | rollgate ns/gate | @marcbachmann/cel-js ns/gate "
          "| @bufbuild/cel ns/gate | rollgate / hand | cel-js / rollgate | compile µs/gate: rollgate "
          "| cel-js | bufbuild | true gates: hand / rollgate / cel-js / bufbuild |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    all_agree = True
    for label in order:
        r = {e: rows.get((label, e)) for e in engines}
        if not any(r.values()):
            continue
        counts = [(r[e] or {}).get("true_gates") for e in engines]
        present = [c for c in counts if c is not None]
        agree = len(set(present)) <= 1
        all_agree &= agree
        gates = next((x["gates"] for x in r.values() if x and "gates" in x), label)
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s %s |" % (
            "{:,}".format(int(gates)) if str(gates).isdigit() else gates,
            ns(r["hand"]), ns(r["rollgate"]), ns(r["cel-js"]), ns(r["bufbuild"]),
            ratio(r["rollgate"], r["hand"]), ratio(r["cel-js"], r["rollgate"]),
            us(r["rollgate"]), us(r["cel-js"]), us(r["bufbuild"]),
            " / ".join(c if c is not None else "—" for c in counts),
            "(agree)" if agree else "**DISAGREE**"))
    st = [(label, rows.get((label, "hand")), rows.get((label, "rollgate"))) for label in order]
    print()
    print("Stage statuses (done / blocked / waiting / ready), hand-written vs rollgate:")
    print()
    for label, h, g in st:
        if not h or not g or status(g) or status(h):
            continue
        fh = "/".join(h.get("stages_" + k, "?") for k in ("done", "blocked", "waiting", "ready"))
        fg = "/".join(g.get("stages_" + k, "?") for k in ("done", "blocked", "waiting", "ready"))
        all_agree &= fh == fg
        print("- %s: %s vs %s %s" % (label, fh, fg, "(agree)" if fh == fg else "**DISAGREE**"))
    print()
    print("| rollgate, gates | compile ms/MB of plan | plan MB | set_inputs ms | full evaluation ms "
          "| again, nothing changed, ms | set_fact + evaluate ms | JSON report ms | JSON MB | JSON bytes/stage "
          "| summary JSON ms | summary JSON MB | summary JSON bytes/stage "
          "| text report ms | memory bytes/compiled gate | peak bytes/gate |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for label in order:
        g = rows.get((label, "rollgate"))
        if g and "not_evaluated" in g:
            print("| %s | %s | %s | not evaluated | | | | | | | | | | | %s | |" % (
                "{:,}".format(int(g["gates"])), "{:,.0f}".format(num(g, "compile_ms_per_mb")), g["plan_mb"],
                "{:,}".format(int(num(g, "mem_bytes_per_gate")))))
            continue
        if not g or status(g):
            continue
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            "{:,}".format(int(g["gates"])), "{:,.0f}".format(num(g, "compile_ms_per_mb")), g["plan_mb"],
            g["set_inputs_ms"], g["eval_ms"], g["again_ms"], g["change_ms"], g["json_ms"], g["json_mb"],
            "{:,}".format(int(num(g, "json_bytes_per_stage"))), g.get("summary_json_ms", "—"),
            g.get("summary_json_mb", "—"), "{:,}".format(int(num(g, "summary_json_bytes_per_stage"))), g["text_ms"],
            "{:,}".format(int(num(g, "mem_bytes_per_gate"))), "{:,}".format(int(num(g, "peak_bytes_per_gate")))))
    py, c = rows.get(("10k", "python")), rows.get(("10k", "rollgate"))
    print()
    if py and c and not status(py) and not status(c):
        print("Python through ctypes vs C, 10k gates, one full evaluation: %s ms vs %s ms (%.2f×)" % (
            py["eval_ms"], c["eval_ms"], num(py, "eval_ms") / num(c, "eval_ms")))
    else:
        print("Python through ctypes vs C, 10k gates: not measured (%s)" % (status(py) or status(c)))
    print()
    print("verdicts: " + ("every engine agrees" if all_agree else "ENGINES DISAGREE"))
    return 0 if all_agree else 1


if __name__ == "__main__":
    sys.exit(main())
