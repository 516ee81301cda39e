#!/usr/bin/env python3
"""Writes fuzz/seeds/<target>/ from small slices of the real exports in ../shared/data
(see fuzz/README.md for their sources and licences). Run from fuzz/: python3 make_seeds.py"""
import os, re, sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seeds")

def read(rel):
    with open(os.path.join(DATA, rel), "rb") as f:
        return f.read()

def head_records(raw, n, end=b"\nER"):
    """The file's start up to the end of its n-th record (tagged formats)."""
    pos = 0
    for _ in range(n):
        i = raw.find(end, pos)
        if i < 0:
            return raw[:8000]
        pos = i + len(end) + 1
    return raw[:pos]

def head_lines(raw, n):
    return b"\n".join(raw.split(b"\n")[:n]) + b"\n"

def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data[:16000])

wos = {
    "bibliometrix_valuecreation": head_records(read("bibliometrix-repo/valuecreation2_96_records.txt"), 2),
    "metaknowledge_testfile": head_records(read("metaknowledge-tests/testFile.isi"), 2),
}
# Synthetic records (gen_wos.py, ours) instead of the study datasets that state no licence.
import subprocess, tempfile
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "gen.txt")
    subprocess.run([sys.executable, os.path.join(DATA, "..", "tools", "gen_wos.py"),
                    "--records", "3", "--seed", "7", "--out", out, "--quiet"], check=True)
    with open(out, "rb") as f:
        wos["gen_wos_synthetic"] = head_records(f.read(), 2)
BAD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "bad_inputs")
with open(os.path.join(BAD, "tab_extra_cells.txt"), "rb") as f:
    tab = f.read()
others = {
    "ris_litstudy.ris": head_records(read("litstudy-tests/example.ris"), 2, b"\nER  -"),
    "ris_wos_rispy.ris": head_records(read("rispy-tests/example_wos.ris"), 2, b"\nER  -"),
    "scopus_litstudy.csv": head_lines(read("litstudy-tests/scopus.csv"), 3),
    "scopus_bibliometrix.csv": head_lines(read("bibliometrix-repo/fixtures/scopus_sample.csv"), 3),
    "openalex_bibliometrix.csv": head_lines(read("bibliometrix-repo/fixtures/openalex_sample.csv"), 3),
    "lens_bibliometrix.csv": head_lines(read("bibliometrix-repo/fixtures/lens_sample.csv"), 3),
    "medline_metaknowledge.txt": read("metaknowledge-tests/medline_test.medline")[:6000],
    "bibtex_scopus.bib": read("bibliometrix-repo/scopus.bib")[:6000],
    "bibtex_wos.bib": read("bibliometrix-repo/savedrecs.bib")[:6000],
}
for name, data in wos.items():
    write("wos_block", name + ".txt", data)
    write("load", name + ".txt", data)
write("wos_tab", "tab_invented.txt", tab)
write("load", "tab_invented.txt", b"\xef\xbb\xbf" + tab)
utf16 = b"\xff\xfe" + tab.lstrip(b"\xef\xbb\xbf").decode("utf-8", "replace").encode("utf-16-le")
write("load", "tab_invented_utf16.txt", utf16)
for name, data in others.items():
    write("load", name, data)

# Cited references and item strings: one per seed file, from the WoS slices.
crs, kws, aus, c1s = [], [], [], []
for data in wos.values():
    field = None
    for line in data.decode("utf-8", "replace").splitlines():
        tag = line[:2]
        if tag.strip():
            field = tag
        v = line[3:].strip()
        if not v:
            continue
        {"CR": crs, "DE": kws, "ID": kws, "AU": aus, "AF": aus, "C1": c1s}.get(field, []).append(v)
for i, cr in enumerate(crs[:40]):
    write("cited_ref", f"cr{i:02}", cr.encode())
for i, parts in enumerate([
    "Vargo, S.L.\t2004\tJournal of Marketing\t68\t1\t10.1509/jmkg.68.1.1.24036",
    "[Anonymous]\t\tNATURE\t\t\t",
    "Müller, K.\t1999\tZeitschrift für Soziologie\t28\t1-17\t",
]):
    write("cited_ref", f"parts{i}", parts.encode())
for i, s in enumerate((kws[:15] + aus[:10] + c1s[:10])):
    write("item_keys", f"item{i:02}", s.encode())
print("seeds written:", {t: len(os.listdir(os.path.join(OUT, t))) for t in sorted(os.listdir(OUT))})

# The hand-made bad inputs (ours) are seeds too: they reach the error paths.
for name in sorted(os.listdir(BAD)):
    if name == "README.md":
        continue
    with open(os.path.join(BAD, name), "rb") as f:
        data = f.read()
    write("load", "bad_" + name, data)
    if name.startswith("wos_"):
        write("wos_block", "bad_" + name, data)
    if name.startswith("tab_"):
        write("wos_tab", "bad_" + name, data.lstrip(b"\xef\xbb\xbf"))
print("with bad inputs:", {t: len(os.listdir(os.path.join(OUT, t))) for t in sorted(os.listdir(OUT))})

# The sources target: first byte picks the reader (0 RIS, 1 BibTeX, 2 MEDLINE, 3 Scopus,
# 4 OpenAlex JSON, 5 OpenAlex CSV, 6 Lens).
PICK = {"ris": 0, "bibtex": 1, "medline": 2, "scopus": 3, "openalex_json": 4,
        "openalex_csv": 5, "lens": 6}
def pick_of(name):
    if name.startswith("openalex"):
        return PICK["openalex_json"] if name.endswith((".json", ".jsonl")) else PICK["openalex_csv"]
    return PICK.get(name.split("_", 1)[0].replace("bad", ""), None)
for d, names in ((os.path.join(OUT, "load"), None),):
    for name in sorted(os.listdir(d)):
        base = name[4:] if name.startswith("bad_") else name
        p = pick_of(base)
        if p is None:
            continue
        with open(os.path.join(d, name), "rb") as f:
            write("sources", name, bytes([p]) + f.read())
print("with sources:", len(os.listdir(os.path.join(OUT, "sources"))))
