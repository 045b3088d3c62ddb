#!/usr/bin/env python3
"""Generate a mixed text corpus with secrets sprinkled in, for the secret-scanning throughput
benchmark (Benchmarks/secret-throughput.sh).

    gen-secret-corpus.py OUTDIR [--size-mb 500] [--seed 1] [--manifest FILE]

Writes about --size-mb megabytes (10^6 bytes) of files between 1 KB and 5 MB into OUTDIR,
spread over project-like directories: Python, JavaScript and Go sources, YAML / JSON / INI
configuration, minified JS bundles (lines of 100 KB and more), package-lock.json files with
sha512 integrity hashes, Markdown docs, CSV data and application logs. About one secret per
2 MB is planted (AWS key pairs, GitHub / GitLab / Slack / Stripe / Google / SendGrid /
OpenAI / Anthropic / npm tokens, Slack webhooks, JWTs, RSA private keys, database URLs with
a password, plain password assignments), each formatted for the file it lands in.

The list of planted secrets (path, 1-based line, kind) goes to the manifest, by default
OUTDIR.manifest.json next to OUTDIR (never inside it, so that scanners do not read it),
with the parameters, byte and file counts. Same arguments, same bytes: the output depends
only on --size-mb and --seed. Standard library only; about 15-30 s for 500 MB.

No planted value is a real credential: each is random with the structure (prefix, length,
alphabet) of the real kind.
"""
import argparse
import base64
import hashlib
import hmac
import json
import math
import os
import random
import shutil
import string
import sys
import time
import zlib

VERSION = 2  # bump when the output for the same arguments changes

AN = string.ascii_letters + string.digits
UP = string.ascii_uppercase
LO = string.ascii_lowercase
HEXC = "0123456789abcdef"

WORDS = ("account active address agent alert amount api app archive audit backend balance batch billing "
         "bucket buffer build bundle cache cart catalog channel checkout client cluster config consumer "
         "context counter customer dashboard data database debug default delivery deploy device digest "
         "document domain draft email endpoint engine entry event export feature feed filter flag format "
         "gateway handler header health history image import index inventory invoice item job key label "
         "layer ledger limit listener loader locale lock log manager manifest message metric migration "
         "mode model module monitor node notice order owner package page parser partner payload payment "
         "pipeline plan policy pool price product profile project provider proxy queue quota range rate "
         "record region registry release report request resource result retry review role route rule "
         "runner sample schedule schema scope search segment sender server service session setting "
         "shard shipment signal snapshot source stage state status storage store stream subscription "
         "summary support sync system table target task template tenant test thread ticket timer topic "
         "trace tracker transfer trigger upload usage user value vendor version view volume warehouse "
         "webhook widget window worker zone").split()
VERBS = "add apply build check clean collect compute create decode delete encode export fetch filter find flush format get handle index load lookup merge normalize parse patch prepare process publish read refresh register remove render reset resolve restore save scan send serialize set sort split start stop sync transform update upload validate verify write".split()
PROSE = ("the a an this that each every when if while after before then so because and or but not only also "
         "service request user data file value result system process time update change support feature "
         "configuration deployment cluster instance release version option setting default error warning "
         "should must can may will is are was were be been has have returns reads writes keeps stores "
         "sends receives runs starts stops checks uses needs gets sets makes takes gives shows").split()


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    # ---- primitives
    def word(self):
        return self.r.choice(WORDS)

    def ident(self, parts=2, sep="_"):
        return sep.join(self.word() for _ in range(parts))

    def camel(self, parts=2):
        w = [self.word() for _ in range(parts)]
        return w[0] + "".join(x.capitalize() for x in w[1:])

    def hexs(self, nbytes):
        return self.r.randbytes(nbytes).hex()

    def b64(self, nbytes):
        return base64.b64encode(self.r.randbytes(nbytes)).decode()

    def rs(self, alpha, n):
        return "".join(self.r.choices(alpha, k=n))

    def uuid(self):
        h = self.hexs(16)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) % 4]}{h[17:20]}-{h[20:32]}"

    def sentence(self, n=None):
        n = n or self.r.randint(6, 18)
        s = " ".join(self.r.choice(PROSE) if self.r.random() < 0.6 else self.word() for _ in range(n))
        return s[0].upper() + s[1:] + "."

    def ts(self):
        return f"2024-{self.r.randint(1, 12):02d}-{self.r.randint(1, 28):02d}T{self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}:{self.r.randint(0, 59):02d}.{self.r.randint(0, 999):03d}Z"

    # ---- pooled snippets (built once, then picked: keeps generation fast)
    def build_pools(self):
        self.py_pool = [self.py_func() for _ in range(400)]
        self.js_pool = [self.js_func() for _ in range(400)]
        self.go_pool = [self.go_func() for _ in range(300)]
        self.min_pool = [self.min_module() for _ in range(600)]
        self.md_pool = [self.md_section() for _ in range(300)]

    def py_func(self):
        name, a, b = self.ident(), self.word(), self.word()
        lines = [f"def {self.r.choice(VERBS)}_{name}({a}, {b}=None, *, timeout={self.r.randint(1, 60)}):",
                 f'    """{self.sentence()}"""']
        for _ in range(self.r.randint(3, 14)):
            v = self.ident()
            lines.append(self.r.choice([
                f"    {v} = {a}.get({self.word()!r}, {self.r.randint(0, 999)})",
                f"    if {v} is None:\n        raise ValueError(f\"missing {self.word()}: {{{a}!r}}\")",
                f"    for {self.word()}_item in {b} or []:\n        {v}.append({self.word()}_item.{self.word()})",
                f"    log.debug(\"{self.sentence(5)[:-1]} %s\", {a})",
                f"    {v} = self._{self.r.choice(VERBS)}_{self.word()}({a}, retries={self.r.randint(1, 5)})",
                f"    # {self.sentence()}",
                f"    {v} = hashlib.sha256({a}.encode()).hexdigest()",
            ]))
        lines.append(f"    return {self.ident()}\n")
        return "\n".join(lines)

    def js_func(self):
        name = self.camel(2)
        lines = [f"export async function {self.r.choice(VERBS)}{name[0].upper()}{name[1:]}({self.word()}, options = {{}}) {{"]
        for _ in range(self.r.randint(3, 12)):
            v = self.camel(2)
            lines.append(self.r.choice([
                f"  const {v} = options.{self.camel(1)} ?? {self.r.randint(0, 500)};",
                f"  if (!{v}) throw new Error('{self.sentence(4)[:-1]}');",
                f"  const {v} = await fetch(`${{BASE_URL}}/{self.word()}/${{{self.word()}}}`, {{ method: '{self.r.choice(['GET', 'POST', 'PUT'])}' }});",
                f"  // {self.sentence()}",
                f"  logger.info('{self.word()} {self.r.choice(VERBS)}', {{ {self.word()}: {v} }});",
                f"  const {v} = items.filter((x) => x.{self.word()} > {self.r.randint(1, 99)}).map((x) => x.{self.word()});",
            ]))
        lines.append(f"  return {self.camel(2)};\n}}\n")
        return "\n".join(lines)

    def go_func(self):
        name = self.camel(2)
        t = self.word().capitalize()
        lines = [f"// {name[0].upper()}{name[1:]} {self.sentence()}", f"func (s *{t}Service) {name[0].upper()}{name[1:]}(ctx context.Context, id string) (*{t}, error) {{"]
        for _ in range(self.r.randint(3, 10)):
            v = self.camel(1)
            lines.append(self.r.choice([
                f"\t{v}, err := s.store.Get{self.word().capitalize()}(ctx, id)\n\tif err != nil {{\n\t\treturn nil, fmt.Errorf(\"{self.word()}: %w\", err)\n\t}}",
                f"\ts.log.Info(\"{self.sentence(4)[:-1]}\", zap.String(\"id\", id))",
                f"\tif len({v}) > {self.r.randint(1, 100)} {{\n\t\t{v} = {v}[:{self.r.randint(1, 100)}]\n\t}}",
                f"\t// {self.sentence()}",
            ]))
        lines.append(f"\treturn &{t}{{ID: id}}, nil\n}}\n")
        return "\n".join(lines)

    def min_module(self):
        mid = self.r.randint(10, 99999)
        body = self.r.choice([
            'function(e,t,n){"use strict";n.d(t,{Z:function(){return i}});var r=n(%d),o=n(%d);function i(e){var t=e.%s,n=e.%s;return(0,r.jsx)("div",{className:"%s-%s",children:[t,n]})}}' % (self.r.randint(1, 9999), self.r.randint(1, 9999), self.word(), self.word(), self.word(), self.hexs(3)),
            'function(e,t,n){var r=n(%d);e.exports=function(e){return r({url:"/api/%s/"+e.id,method:"POST",data:{username:e.username,password:e.password}}).then(function(e){return e.data})}}' % (self.r.randint(1, 9999), self.word()),
            'function(e){e.exports=JSON.parse(\'{"name":"%s","version":"%d.%d.%d","hash":"%s"}\')}' % (self.word(), self.r.randint(0, 9), self.r.randint(0, 30), self.r.randint(0, 9), self.hexs(20)),
            'function(e,t){"use strict";t.Z="data:image/png;base64,%s"}' % self.b64(self.r.randint(100, 1500)),
            'function(e,t,n){"use strict";var r={tokenKey:"%s_token",secretHeader:"X-%s-Signature",minLength:%d};t.default=r}' % (self.word(), self.word().capitalize(), self.r.randint(8, 16)),
            'function(e,t,n){"use strict";t.integrity="sha384-%s",t.chunk="%s"}' % (self.b64(48), self.hexs(8)),
            'function(e,t,n){"use strict";var r=n(%d);t.%s=function(e,t){for(var n=0,o=e.length;n<o;n++)if(e[n].%s===t)return r.%s(e[n]);return null}}' % (self.r.randint(1, 9999), self.camel(2), self.word(), self.word()),
        ])
        return f"{mid}:{body}"

    def md_section(self):
        out = [f"## {self.word().capitalize()} {self.word()}", ""]
        for _ in range(self.r.randint(1, 4)):
            out.append(" ".join(self.sentence() for _ in range(self.r.randint(2, 6))))
            out.append("")
        if self.r.random() < 0.4:
            out += ["```sh", f"{self.word()}ctl {self.r.choice(VERBS)} --{self.word()}={self.word()} ./{self.word()}", "```", ""]
        if self.r.random() < 0.3:
            out += [f"| {self.word()} | {self.word()} |", "| --- | --- |"] + [f"| `{self.ident()}` | {self.sentence(5)} |" for _ in range(self.r.randint(2, 6))] + [""]
        return "\n".join(out)

    # ---- whole files, as lists of lines, to about `size` bytes
    def fill(self, pool, size, head=(), sep="\n"):
        out, n = list(head), sum(len(x) + 1 for x in head)
        while n < size:
            s = self.r.choice(pool)
            out.append(s)
            n += len(s) + len(sep)
        return "\n".join(out).split("\n")

    def file_py(self, size):
        head = ['"""' + self.sentence() + '"""', "import hashlib", "import logging", "import os", "", "log = logging.getLogger(__name__)", ""]
        return self.fill(self.py_pool, size, head)

    def file_js(self, size):
        head = ["import { logger } from './logger.js';", f"const BASE_URL = process.env.{self.word().upper()}_URL || 'https://{self.word()}.example.com';", ""]
        return self.fill(self.js_pool, size, head)

    def file_go(self, size):
        head = [f"package {self.word()}", "", "import (", '\t"context"', '\t"fmt"', "", '\t"go.uber.org/zap"', ")", ""]
        return self.fill(self.go_pool, size, head)

    def file_min(self, size):
        lines, n = [], 0
        while n < size:
            line_len = min(size - n, self.r.randint(100_000, 1_200_000))
            mods, m = [], 0
            while m < line_len:
                s = self.r.choice(self.min_pool)
                mods.append(s)
                m += len(s) + 1
            line = f'(self.webpackChunk{self.word()}=self.webpackChunk{self.word()}||[]).push([[{self.r.randint(1, 999)}],{{' + ",".join(mods) + "}]);"
            lines.append(line)
            n += len(line) + 1
        return lines

    def file_yaml(self, size):
        lines, n = [], 0
        while n < size:
            block = [f"{self.ident()}:"]
            for _ in range(self.r.randint(2, 10)):
                k = self.camel(2) if self.r.random() < 0.5 else self.ident()
                v = self.r.choice([str(self.r.randint(0, 65535)), self.word(), f"https://{self.word()}.example.com/{self.word()}", "true", "false", f'"{self.sentence(4)}"', f"{self.r.randint(1, 90)}s"])
                block.append(f"  {k}: {v}")
            lines += block
            n += sum(len(x) + 1 for x in block)
        return lines

    def file_json(self, size):
        lines, n = ["{", '  "items": ['], 0
        while n < size:
            rec = ["    {", f'      "id": "{self.uuid()}",', f'      "{self.camel(2)}": "{self.word()}",', f'      "{self.camel(2)}": {self.r.randint(0, 10**6)},',
                   f'      "checksum": "{self.hexs(32)}",', f'      "createdAt": "{self.ts()}"', "    },"]
            lines += rec
            n += sum(len(x) + 1 for x in rec)
        lines[-1] = "    }"
        lines += ["  ]", "}"]
        return lines

    def file_ini(self, size):
        lines, n = [], 0
        while n < size:
            block = [f"[{self.ident()}]"] + [f"{self.ident()} = {self.r.choice([str(self.r.randint(0, 9999)), self.word(), 'yes', 'no', '/var/lib/' + self.word()])}" for _ in range(self.r.randint(2, 9))] + [""]
            lines += block
            n += sum(len(x) + 1 for x in block)
        return lines

    def file_lock(self, size):
        lines = ["{", f'  "name": "{self.word()}-{self.word()}",', '  "version": "1.0.0",', '  "lockfileVersion": 3,', '  "requires": true,', '  "packages": {']
        n = sum(len(x) + 1 for x in lines)
        while n < size:
            name = f"{self.word()}-{self.word()}" if self.r.random() < 0.7 else f"@{self.word()}/{self.word()}"
            v = f"{self.r.randint(0, 12)}.{self.r.randint(0, 40)}.{self.r.randint(0, 20)}"
            base = name.split("/")[-1]
            ent = [f'    "node_modules/{name}": {{', f'      "version": "{v}",', f'      "resolved": "https://registry.npmjs.org/{name}/-/{base}-{v}.tgz",',
                   f'      "integrity": "sha512-{self.b64(64)}",']
            if self.r.random() < 0.3:
                ent.append('      "dev": true,')
            ent += ['      "license": "MIT"', "    },"]
            lines += ent
            n += sum(len(x) + 1 for x in ent)
        lines[-1] = "    }"
        lines += ["  }", "}"]
        return lines

    def file_md(self, size):
        return self.fill(self.md_pool, size, [f"# {self.word().capitalize()} {self.word()}", ""])

    def file_csv(self, size):
        lines = ["id,created_at,customer_email,country,amount_cents,currency,status,trace_id"]
        n = len(lines[0]) + 1
        r = self.r
        while n < size:
            line = f"{r.randint(10**6, 10**9)},{self.ts()},{self.word()}.{self.word()}@example.com,{r.choice(['DE', 'FR', 'US', 'GB', 'JP', 'BR'])},{r.randint(100, 10**6)},{r.choice(['EUR', 'USD', 'GBP'])},{r.choice(['paid', 'refunded', 'pending'])},{self.hexs(16)}"
            lines.append(line)
            n += len(line) + 1
        return lines

    def file_log(self, size):
        lines, n, r = [], 0, self.r
        svc = self.word()
        while n < size:
            if r.random() < 0.5:
                line = f"{self.ts()} {r.choice(['INFO', 'INFO', 'INFO', 'WARN', 'DEBUG', 'ERROR'])} [{svc}] {r.choice(VERBS)} {self.word()} id={r.randint(1, 10**7)} took={r.randint(1, 5000)}ms trace_id={self.hexs(16)} span_id={self.hexs(8)}"
            else:
                line = json.dumps({"ts": self.ts(), "level": r.choice(["info", "warn", "debug"]), "svc": svc, "msg": self.sentence(6), "request_id": self.uuid(), "status": r.choice([200, 200, 201, 204, 400, 404, 500])})
            lines.append(line)
            n += len(line) + 1
        return lines

    # ---- secrets
    def gh(self):
        ent = self.rs(AN, 30)
        c, out = zlib.crc32(ent.encode()), ""
        while c:
            c, rem = divmod(c, 62)
            out = (string.digits + UP + LO)[rem] + out
        return "ghp_" + ent + out.rjust(6, "0")

    def jwt(self):
        enc = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=")
        h = enc(b'{"alg":"HS256","typ":"JWT"}')
        p = enc(json.dumps({"sub": self.word(), "role": "service", "iat": 1717000000 + self.r.randint(0, 10**7)}, separators=(",", ":")).encode())
        return (h + b"." + p + b"." + enc(hmac.new(self.r.randbytes(32), h + b"." + p, hashlib.sha256).digest())).decode()

    def secret(self, kind):
        """(key name, value) or, for multi-line kinds, (None, [lines])."""
        r = self.r
        if kind == "aws":
            return ("aws", (f"AKIA{self.rs(UP + '234567', 16)}", self.rs(AN + "/+", 40)))
        if kind == "github":
            return ("GITHUB_TOKEN", self.gh())
        if kind == "github-fine-grained":
            return ("GH_PAT", "github_pat_11" + self.rs(UP + string.digits, 20) + "_" + self.rs(AN, 59))
        if kind == "gitlab":
            return ("GITLAB_TOKEN", "glpat-" + self.rs(AN + "-_", 20))
        if kind == "slack-bot":
            return ("SLACK_BOT_TOKEN", f"xoxb-{self.rs(string.digits, 12)}-{self.rs(string.digits, 13)}-{self.rs(AN, 24)}")
        if kind == "slack-webhook":
            return ("SLACK_WEBHOOK_URL", f"https://hooks.slack.com/services/T0{self.rs(UP + string.digits, 8)}/B0{self.rs(UP + string.digits, 9)}/{self.rs(AN, 24)}")
        if kind == "stripe":
            return ("STRIPE_SECRET_KEY", "sk_live_" + self.rs(AN, 24))
        if kind == "google-api-key":
            return ("GOOGLE_MAPS_KEY", "AIza" + self.rs(AN + "-_", 35))
        if kind == "sendgrid":
            return ("SENDGRID_API_KEY", "SG." + self.rs(AN + "-_", 22) + "." + self.rs(AN + "-_", 43))
        if kind == "openai":
            return ("OPENAI_API_KEY", "sk-proj-" + self.rs(AN + "-_", 74) + "T3BlbkFJ" + self.rs(AN + "-_", 74))
        if kind == "anthropic":
            return ("ANTHROPIC_API_KEY", "sk-ant-api03-" + self.rs(AN + "-_", 93) + "AA")
        if kind == "npm":
            return ("NPM_TOKEN", "npm_" + self.rs(AN, 36))
        if kind == "jwt":
            return ("SERVICE_JWT", self.jwt())
        if kind == "database-url":
            pw = self.rs(AN, r.randint(14, 24))
            return ("DATABASE_URL", f"postgres://{self.word()}:{pw}@{self.word()}-db.internal:5432/{self.word()}")
        if kind == "password":
            pw = self.rs(AN, r.randint(10, 16)) + r.choice("!#%&*+-=?@^_~") + self.rs(AN, 3)
            return ("DB_PASSWORD", pw)
        if kind == "private-key":
            body = base64.b64encode(bytes.fromhex("308204a40201000282010100") + self.r.randbytes(1180)).decode()
            tag = "RSA " + "PRIVATE KEY"
            return (None, ["-----BEGIN " + tag + "-----"] + [body[i:i + 64] for i in range(0, len(body), 64)] + ["-----END " + tag + "-----"])
        raise ValueError(kind)

    def format_secret(self, ftype, key, value):
        """Lines that carry the secret in a file of this type."""
        if key is None:  # multi-line PEM
            if ftype in ("py",):
                return ['PRIVATE_KEY = """' + value[0]] + value[1:-1] + [value[-1] + '"""']
            if ftype in ("js", "min"):
                return ["const privateKey = `" + value[0]] + value[1:-1] + [value[-1] + "`;"] if ftype == "js" else \
                       ['var pk="' + "\\n".join(value) + '";']
            if ftype == "go":
                return ["var signingKey = `" + value[0]] + value[1:-1] + [value[-1] + "`"]
            if ftype == "yaml":
                return ["tls_key: |"] + ["  " + x for x in value]
            if ftype in ("json", "lock"):
                return ['      "privateKey": "' + "\\n".join(value) + '",']
            if ftype == "md":
                return ["```"] + value + ["```"]
            if ftype == "csv":
                return [f'{self.r.randint(10**6, 10**9)},{self.ts()},"' + "\\n".join(value) + '",XX,0,EUR,key,' + self.hexs(16)]
            if ftype == "log":
                return [f"{self.ts()} DEBUG [tls] loaded key " + "\\n".join(value)]
            return value  # ini and others: the bare block
        if key == "aws":
            kid, sec = value
            return {
                "py": [f'AWS_ACCESS_KEY_ID = "{kid}"', f'AWS_SECRET_ACCESS_KEY = "{sec}"'],
                "js": [f"const s3 = new S3Client({{ credentials: {{ accessKeyId: '{kid}', secretAccessKey: '{sec}' }} }});"],
                "min": [f'var awsCfg={{accessKeyId:"{kid}",secretAccessKey:"{sec}",region:"us-east-1"}};'],
                "go": [f'\tcreds := credentials.NewStaticCredentialsProvider("{kid}", "{sec}", "")'],
                "yaml": ["aws:", f"  access_key_id: {kid}", f"  secret_access_key: {sec}"],
                "json": [f'      "accessKeyId": "{kid}",', f'      "secretAccessKey": "{sec}",'],
                "lock": [f'      "accessKeyId": "{kid}",', f'      "secretAccessKey": "{sec}",'],
                "ini": ["[aws]", f"aws_access_key_id = {kid}", f"aws_secret_access_key = {sec}"],
                "md": ["```sh", f"export AWS_ACCESS_KEY_ID={kid}", f"export AWS_SECRET_ACCESS_KEY={sec}", "```"],
                "csv": [f"{self.r.randint(10**6, 10**9)},{self.ts()},aws@example.com,US,0,USD,{kid}:{sec},{self.hexs(16)}"],
                "log": [f"{self.ts()} DEBUG [boot] env AWS_ACCESS_KEY_ID={kid} AWS_SECRET_ACCESS_KEY={sec}"],
            }[ftype]
        camel = "".join(w.capitalize() for w in key.lower().split("_"))
        camel = camel[0].lower() + camel[1:]
        return {
            "py": [f'{key} = "{value}"'],
            "js": [f"const {camel} = '{value}';"],
            "min": [f'var cfg{self.r.randint(1, 99)}={{{camel}:"{value}",env:"production"}};'],
            "go": [f'const {camel[0].upper() + camel[1:]} = "{value}"'],
            "yaml": [f"{key.lower()}: {value}"],
            "json": [f'      "{camel}": "{value}",'],
            "lock": [f'      "{camel}": "{value}",'],
            "ini": [f"{key.lower()} = {value}"],
            "md": ["```sh", f"export {key}={value}", "```"],
            "csv": [f'{self.r.randint(10**6, 10**9)},{self.ts()},ops@example.com,DE,0,EUR,"{key}={value}",{self.hexs(16)}'],
            "log": [f"{self.ts()} WARN [config] using {key}={value} from the environment"],
        }[ftype]


TYPES = [  # (type, extension, share of bytes, size bias, largest file)
    ("py", ".py", 0.13, -0.5, 200_000), ("js", ".js", 0.10, -0.5, 200_000), ("go", ".go", 0.08, -0.5, 150_000),
    ("yaml", ".yaml", 0.06, -0.5, 100_000), ("json", ".json", 0.06, 0.0, 2_000_000), ("ini", ".ini", 0.03, -1.0, 50_000),
    ("min", ".min.js", 0.15, 1.0, 5_000_000), ("lock", "package-lock.json", 0.10, 1.0, 5_000_000),
    ("md", ".md", 0.07, -0.5, 300_000), ("csv", ".csv", 0.10, 1.0, 5_000_000), ("log", ".log", 0.12, 1.0, 5_000_000),
]
KINDS = ["aws", "github", "github-fine-grained", "gitlab", "slack-bot", "slack-webhook", "stripe", "google-api-key", "sendgrid",
         "openai", "anthropic", "npm", "jwt", "database-url", "password", "private-key"]
MIN_SIZE, MAX_SIZE = 1_000, 5_000_000
SECRET_EVERY = 2_000_000


def plan(g, total):
    """[(type, ext, size)] adding up to about `total` bytes."""
    files = []
    for ftype, ext, share, bias, largest in TYPES:
        budget = int(total * share)
        lo, hi = math.log(MIN_SIZE), math.log(min(MAX_SIZE, largest))
        while budget > MIN_SIZE:
            u = g.r.random()
            u = u ** (1.0 / (1.0 + bias)) if bias > 0 else (u ** (1.0 - bias) if bias < 0 else u)
            size = int(math.exp(lo + (hi - lo) * u))
            size = max(MIN_SIZE, min(size, budget, largest))
            files.append((ftype, ext, size))
            budget -= size
    g.r.shuffle(files)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--size-mb", type=float, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--manifest")
    args = ap.parse_args()
    out = os.path.abspath(args.outdir)
    manifest = os.path.abspath(args.manifest or out.rstrip("/") + ".manifest.json")
    if manifest.startswith(out + os.sep):
        sys.exit("gen-secret-corpus: the manifest must not be inside OUTDIR (scanners would read it)")
    started = time.time()
    g = Gen(args.seed)
    g.build_pools()
    total = int(args.size_mb * 1_000_000)
    files = plan(g, total)
    n_secrets = max(1, round(total / SECRET_EVERY))
    # secrets land in files with probability proportional to size
    weights = [s for _, _, s in files]
    targets = {}
    for i in g.r.choices(range(len(files)), weights=weights, k=n_secrets):
        targets[i] = targets.get(i, 0) + 1

    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    projects = [f"{g.word()}-{g.word()}-{i:02d}" for i in range(max(4, len(files) // 40))]
    subdirs = {"py": "src", "js": "web/src", "go": "internal", "yaml": "deploy", "json": "config", "ini": "etc", "min": "web/dist/static/js",
               "lock": "web", "md": "docs", "csv": "data", "log": "logs"}
    planted, written, kinds_seen = [], 0, {}
    for i, (ftype, ext, size) in enumerate(files):
        lines = getattr(g, "file_" + ftype)(size)
        mine = []  # secrets planted in this file: [start, length] in 0-based line indices
        for _ in range(targets.get(i, 0)):
            kind = KINDS[len(planted) % len(KINDS)] if g.r.random() < 0.5 else g.r.choice(KINDS)
            key, value = g.secret(kind)
            block = g.format_secret(ftype, key, value)
            inside = lambda j: any(st < j < st + ln for st, ln, _ in mine)
            if ftype in ("json", "lock"):  # after an object's opening brace, so the JSON stays valid
                cands = [j + 1 for j, l in enumerate(lines) if l.endswith("{") and j + 1 < len(lines) and not lines[j + 1].lstrip().startswith("}")]
            else:  # between top-level lines (block boundaries), so the file keeps its shape
                cands = [j for j in range(1 if len(lines) > 1 else 0, len(lines) + 1) if j == len(lines) or (lines[j][:1] not in (" ", "\t"))]
            cands = [j for j in cands if not inside(j)] or [len(lines)]
            at = g.r.choice(cands)
            lines[at:at] = block
            for m in mine:
                if m[0] >= at:
                    m[0] += len(block)
            mine.append([at, len(block), kind])
        for st, ln, kind in mine:
            planted.append({"index": i, "line": st + 1, "lines": ln, "kind": kind})
            kinds_seen[kind] = kinds_seen.get(kind, 0) + 1
        proj = projects[i % len(projects)]
        name = ext if ext == "package-lock.json" else f"{g.ident()}{ext}"
        rel = os.path.join(proj, subdirs[ftype], f"{i:05d}", name) if ext == "package-lock.json" else os.path.join(proj, subdirs[ftype], name)
        path = os.path.join(out, rel)
        if os.path.exists(path):
            rel = os.path.join(os.path.dirname(rel), f"{i:05d}-{name}")
            path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = ("\n".join(lines) + "\n").encode()
        with open(path, "wb") as f:
            f.write(data)
        written += len(data)
        for p in planted:
            if p["index"] == i:
                p["path"] = rel
    by_file = {}
    for p in planted:
        by_file.setdefault(p["path"], []).append(p)
    for p in planted:
        p.pop("index", None)
    doc = {"generator": "Benchmarks/gen-secret-corpus.py", "version": VERSION, "seed": args.seed, "size_mb": args.size_mb,
           "bytes": written, "files": len(files), "files_with_secrets": len(by_file), "planted": len(planted),
           "kinds": dict(sorted(kinds_seen.items())), "secrets": sorted(planted, key=lambda p: (p["path"], p["line"]))}
    with open(manifest, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"gen-secret-corpus: {written / 1e6:.1f} MB in {len(files)} files, {len(planted)} planted secrets in {len(by_file)} files, "
          f"{time.time() - started:.1f}s -> {out} (manifest {manifest})", file=sys.stderr)


if __name__ == "__main__":
    main()
