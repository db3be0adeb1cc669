#!/usr/bin/env python3
"""Adds keys to the three dictionaries: lines of `key | zh-CN | zh-TW | en` on stdin.
A developer convenience; the compiler checks that every language has every key."""
import sys, re
files = {'zh-CN': 'src/i18n/zh-CN.ts', 'zh-TW': 'src/i18n/zh-TW.ts', 'en': 'src/i18n/en.ts'}
rows = [[c.strip() for c in line.split('|')] for line in sys.stdin if line.strip() and not line.startswith('#')]
for i, (lang, path) in enumerate(files.items()):
    src = open(path, encoding='utf-8').read()
    add = ''
    for row in rows:
        key, text = row[0], row[1 + i]
        if f"'{key}':" in src:
            continue
        add += f"  '{key}': {repr_ts(text)},\n" if False else "  '%s': '%s',\n" % (key, text.replace("\\", "\\\\").replace("'", "\\'"))
    marker = '} as const;' if lang == 'zh-CN' else '};'
    idx = src.rindex(marker)
    src = src[:idx] + add + src[idx:]
    open(path, 'w', encoding='utf-8').write(src)
print(f'{len(rows)} keys')
