"""Rewrites a pipelinec render in place into the shape "one module block per kind".

usage: python3 bench/per-kind.py RENDER_DIR

A prototype for bench/large-estate.sh, not a feature: the render has one module block per
component (`module "stream_0" { source = "./modules/kinesis_stream" ... }`); this turns the
blocks of each kind into one block with `for_each` over a map of the components' settings
(`module "kinesis_stream" { for_each = { stream_0 = { name = ... } } name = each.value.name }`)
and every reference `module.stream_0.x` into `module.kinesis_stream["stream_0"].x`. The
`depends_on` lists of a kind's blocks are merged (a module call with for_each has one). It
reads the layout `pipelinec render` writes (top-level blocks closed by `}` at column 0,
arguments at two spaces) and is measured on `bigspec iot` specs, whose kinds do not refer to
themselves (a kind calling its own kind would be a cycle in this shape).
"""

import re
import sys
from pathlib import Path


def blocks(text):
    """Top-level chunks: (header line or None, lines)."""
    out, cur = [], []
    for line in text.splitlines():
        cur.append(line)
        if line == "}" or (not cur[0].endswith("{") and len(cur) == 1):
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def arguments(body):
    """The block's arguments at depth one: name -> value text (possibly several lines)."""
    args, key, val, depth = {}, None, [], 0
    for line in body:
        if depth == 0:
            m = re.match(r"^  ([a-z_]+)\s*=\s*(.*)$", line)
            if not m:
                continue
            key, first = m.group(1), m.group(2)
            val = [first]
        else:
            val.append(line)
        depth += line.count("{") + line.count("[") + line.count("(")
        depth -= line.count("}") + line.count("]") + line.count(")")
        if depth == 0:
            args[key] = "\n".join(val)
    return args


def main(folder):
    folder = Path(folder)
    main_tf = (folder / "main.tf").read_text()
    chunks = blocks(main_tf)
    kinds = {}  # kind -> [(id, args)]
    kept = []
    for chunk in chunks:
        m = re.match(r'^module "(\w+)" \{$', chunk[0])
        if m and m.group(1) != "monitoring":
            args = arguments(chunk[1:-1])
            kind = args.pop("source").strip('"').rsplit("/", 1)[1]
            kinds.setdefault(kind, []).append((m.group(1), args))
        else:
            kept.append("\n".join(chunk))
    kind_of = {cid: kind for kind, comps in kinds.items() for cid, _ in comps}

    def retarget(text):
        return re.sub(
            r"\bmodule\.(\w+)\b",
            lambda m: f'module.{kind_of[m.group(1)]}["{m.group(1)}"]'
            if m.group(1) in kind_of
            else m.group(0),
            text,
        )

    calls = []
    for kind, comps in kinds.items():
        names = []
        for _, args in comps:
            for k in args:
                if k != "depends_on" and k not in names:
                    names.append(k)
        depends = sorted(
            {
                d.strip()
                for _, args in comps
                if "depends_on" in args
                for d in args["depends_on"].strip("[]").split(",")
                if d.strip()
            }
        )
        lines = [f'module "{kind}" {{', f'  source = "./modules/{kind}"']
        if depends:
            lines.append(f"  depends_on = [{', '.join(depends)}]")
        lines.append("  for_each = {")
        for cid, args in comps:
            lines.append(f"    {cid} = {{")
            for k in names:
                lines.append(f"      {k} = {args.get(k, 'null')}")
            lines.append("    }")
        lines.append("  }")
        lines.append("")
        for k in names:
            lines.append(f"  {k} = each.value.{k}")
        lines.append("}")
        calls.append("\n".join(lines))

    (folder / "main.tf").write_text(retarget("\n".join(kept + calls)) + "\n")
    for name in ("iam.tf", "outputs.tf"):
        path = folder / name
        path.write_text(retarget(path.read_text()))


if __name__ == "__main__":
    main(sys.argv[1])
