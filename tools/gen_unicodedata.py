#!/usr/bin/python3.11
"""Generates the unicodedata module's tables (stdlib/unicodedata_*.cpp include the output) from
python3.11's own unicodedata, so the answers are CPython 3.11's (Unicode 14.0.0), plus the 3.2.0
database behind unicodedata.ucd_3_2_0.

Per database: one record per distinct (category, bidirectional, combining, east_asian_width,
mirrored, decimal, digit, numeric, decomposition) combination, a two-level index from code point
to record, the numeric values (as exact hex floats) and the primary composites NFC recombines.
Named sequences (which unicodedata.lookup accepts but cannot enumerate) are taken from the Unicode
data perl ships (perl-modules: unicore/NamedSequences.txt), each kept only when python3.11's lookup
agrees with it; name aliases are in the frontend's name table (tools/gen_unicode_names.py).

Usage: gen_unicodedata.py OUTPUT
"""
import glob
import sys
import unicodedata

SHIFT = 7


def database(db, name):
    cats, bidis, eaws, numerics, decomps = {}, {"": 0}, {}, {}, {"": 0}
    records, rec_index, per_cp = [], {}, []
    comps, overrides = [], []
    for cp in range(0x110000):
        c = chr(cp)
        cat = db.category(c)
        bidi = db.bidirectional(c)
        num = db.numeric(c, None)
        dec = db.decomposition(c)
        rec = (cats.setdefault(cat, len(cats)), bidis.setdefault(bidi, len(bidis)), db.combining(c),
               eaws.setdefault(db.east_asian_width(c), len(eaws)), db.mirrored(c), db.decimal(c, -1),
               db.digit(c, -1), -1 if num is None else numerics.setdefault(num, len(numerics)),
               decomps.setdefault(dec, len(decomps)))
        if rec not in rec_index:
            rec_index[rec] = len(records)
            records.append(rec)
        per_cp.append(rec_index[rec])
        parts = dec.split()
        # Where the database normalizes a character differently from its decomposition (the
        # 3.2.0 corrections CPython applies), keep the character it normalizes to.
        if parts and not parts[0].startswith("<"):
            nfd = db.normalize("NFD", c)
            if nfd != db.normalize("NFD", "".join(chr(int(x, 16)) for x in parts)) and len(nfd) == 1:
                overrides.append((cp, ord(nfd)))
        if len(parts) == 2 and not parts[0].startswith("<"):
            a, b = int(parts[0], 16), int(parts[1], 16)
            if db.normalize("NFC", chr(a) + chr(b)) == c:
                comps.append((a, b, cp))
    blocks, block_index, index1 = [], {}, []
    for start in range(0, 0x110000, 1 << SHIFT):
        blk = tuple(per_cp[start:start + (1 << SHIFT)])
        if blk not in block_index:
            block_index[blk] = len(blocks)
            blocks.append(blk)
        index1.append(block_index[blk])
    out = []
    w = out.append
    w(f"// {name}: Unicode {db.unidata_version}, {len(records)} records, {len(blocks)} blocks\n")
    w(f"static const char* const {name}_categories[] = {{" + ", ".join(f'"{k}"' for k in cats) + "};\n")
    w(f"static const char* const {name}_bidis[] = {{" + ", ".join(f'"{k}"' for k in bidis) + "};\n")
    w(f"static const char* const {name}_eaws[] = {{" + ", ".join(f'"{k}"' for k in eaws) + "};\n")
    w(f"static const double {name}_numerics[] = {{" + ", ".join(float(k).hex() for k in numerics) + "};\n")
    w(f"static const char* const {name}_decomps[] = {{\n")
    for i, k in enumerate(decomps):
        w(f'"{k}",' + ("\n" if i % 8 == 7 else " "))
    w("};\n")
    w(f"static const Record {name}_records[] = {{\n")
    for r in records:
        w("  {" + ", ".join(str(x) for x in r) + "},\n")
    w("};\n")
    w(f"static const uint16_t {name}_index1[] = {{\n")
    for i in range(0, len(index1), 24):
        w("  " + ", ".join(str(x) for x in index1[i:i + 24]) + ",\n")
    w("};\n")
    w(f"static const uint16_t {name}_index2[] = {{\n")
    for blk in blocks:
        w("  " + ", ".join(str(x) for x in blk) + ",\n")
    w("};\n")
    comps.sort()
    w(f"static const Composite {name}_composites[] = {{\n")
    for i in range(0, len(comps), 6):
        w("  " + " ".join(f"{{0x{a:X}, 0x{b:X}, 0x{c:X}}}," for a, b, c in comps[i:i + 6]) + "\n")
    w("};\n")
    w(f"static const Composite {name}_overrides[] = {{" +
      "".join(f"{{0x{a:X}, 0, 0x{b:X}}}, " for a, b in overrides) + "{0, 0, 0}};\n")
    return "".join(out)


def perl_unicore():
    for d in sorted(glob.glob("/usr/share/perl/*/unicore")):
        try:
            with open(d + "/version") as f:
                if f.read().strip() == unicodedata.unidata_version:
                    return d
        except OSError:
            pass
    return None


def named_sequences():
    """(name, chars) named sequences python3.11's lookup accepts."""
    d = perl_unicore()
    sequences = []
    if d is None:
        return sequences
    with open(d + "/NamedSequences.txt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or ";" not in line:
                continue
            name, cps = line.split(";")
            chars = "".join(chr(int(x, 16)) for x in cps.split())
            try:
                if unicodedata.lookup(name.strip()) == chars:
                    sequences.append((name.strip(), chars))
            except KeyError:
                pass
    return sequences


def main():
    out = [f"// Generated by tools/gen_unicodedata.py from python3.11's unicodedata "
           f"{unicodedata.unidata_version} (and ucd_3_2_0); do not edit.\n"]
    out.append(database(unicodedata, "kUcd14"))
    out.append(database(unicodedata.ucd_3_2_0, "kUcd32"))
    sequences = named_sequences()
    out.append("static const NamedSequence kNamedSequences[] = {\n")
    for name, chars in sequences:
        out.append(f'  {{"{name}", {{' + ", ".join(f"0x{ord(c):X}" for c in chars) + f"}}, {len(chars)}}},\n")
    out.append('  {"", {0}, 0}};\n')
    with open(sys.argv[1], "w") as f:
        f.write("".join(out))


main()
