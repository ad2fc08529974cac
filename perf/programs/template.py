# template.py — benchmark: a small template engine: a tokenizer for {{ expr }}, {% for %}, {% if %}
# and filters, a parser to a node tree, and a renderer run over many contexts.
# Usage: template.py [renders] [iterations]. Self-check: length and checksum of the output.
import sys

DEFAULT_SIZE = 40000
QUICK_SIZE = 4000
EXPECTED = {
    4000: (2722719, 899132865),
    40000: (27335156, 960080202),
}

TEMPLATE = """<h1>{{ title|upper }}</h1>
<p>Dear {{ user.name }}, you have {{ user.messages|length }} messages.</p>
{% if user.admin %}<p class="admin">Administrator of {{ site }}</p>{% else %}<p>Member</p>{% endif %}
<ul>
{% for m in user.messages %}  <li class="{% if m.unread %}unread{% else %}read{% endif %}">{{ m.subject|title }} from {{ m.sender }} ({{ m.size }} bytes)</li>
{% endfor %}</ul>
<table>{% for row in table %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>{% endfor %}</table>
<footer>{{ footer|default }}</footer>
"""


class TemplateError(Exception):
    pass


def tokenize(source):
    # Splits source into ("text", s), ("var", expr) and ("tag", words) tokens.
    tokens = []
    pos = 0
    n = len(source)
    while pos < n:
        start = source.find("{", pos)
        while start != -1 and start + 1 < n and source[start + 1] not in "{%":
            start = source.find("{", start + 1)
        if start == -1 or start + 1 >= n:
            tokens.append(("text", source[pos:]))
            break
        if start > pos:
            tokens.append(("text", source[pos:start]))
        closer = "}}" if source[start + 1] == "{" else "%}"
        end = source.find(closer, start + 2)
        if end == -1:
            raise TemplateError("unclosed tag at %d" % start)
        body = source[start + 2:end].strip()
        tokens.append(("var", body) if closer == "}}" else ("tag", body.split()))
        pos = end + 2
    return tokens


class Text:
    def __init__(self, text):
        self.text = text

    def render(self, ctx, out):
        out.append(self.text)


class Var:
    def __init__(self, expr):
        parts = expr.split("|")
        self.path = parts[0].strip().split(".")
        self.filters = [f.strip() for f in parts[1:]]

    def render(self, ctx, out):
        value = lookup(ctx, self.path)
        for f in self.filters:
            value = FILTERS[f](value)
        out.append(str(value))


class For:
    def __init__(self, name, path, body):
        self.name = name
        self.path = path.split(".")
        self.body = body

    def render(self, ctx, out):
        for item in lookup(ctx, self.path):
            inner = dict(ctx)
            inner[self.name] = item
            for node in self.body:
                node.render(inner, out)


class If:
    def __init__(self, path, then, otherwise):
        self.path = path.split(".")
        self.then = then
        self.otherwise = otherwise

    def render(self, ctx, out):
        for node in (self.then if lookup(ctx, self.path) else self.otherwise):
            node.render(ctx, out)


def lookup(ctx, path):
    value = ctx[path[0]]
    for name in path[1:]:
        value = value[name] if isinstance(value, dict) else getattr(value, name)
    return value


FILTERS = {
    "upper": lambda v: str(v).upper(),
    "title": lambda v: str(v).title(),
    "length": len,
    "default": lambda v: v if v else "(none)",
}


def parse(tokens):
    pos = 0

    def block(ends):
        nonlocal pos
        nodes = []
        while pos < len(tokens):
            kind, value = tokens[pos]
            pos += 1
            if kind == "text":
                nodes.append(Text(value))
            elif kind == "var":
                nodes.append(Var(value))
            elif value[0] in ends:
                return nodes, value[0]
            elif value[0] == "for":
                body, _ = block(("endfor",))
                nodes.append(For(value[1], value[3], body))
            elif value[0] == "if":
                then, end = block(("else", "endif"))
                otherwise = block(("endif",))[0] if end == "else" else []
                nodes.append(If(value[1], then, otherwise))
            else:
                raise TemplateError("unknown tag %r" % value[0])
        if ends:
            raise TemplateError("missing %s" % ends[0])
        return nodes, None

    return block(())[0]


class Message:
    def __init__(self, subject, sender, size, unread):
        self.subject = subject
        self.sender = sender
        self.size = size
        self.unread = unread


def make_context(i):
    messages = [Message("report number %d for week %d" % (k, i % 52), "user%d@example.org" % ((i * 7 + k) % 97),
                        100 + (i * k) % 4000, (i + k) % 3 == 0) for k in range(i % 9)]
    return {
        "title": "inbox of user %d" % i,
        "site": "example.org",
        "user": {"name": "User %d" % i, "admin": i % 5 == 0, "messages": messages},
        "table": [[r * c + i % 10 for c in range(5)] for r in range(3)],
        "footer": "" if i % 2 else "page %d" % i,
    }


def bench(n):
    nodes = parse(tokenize(TEMPLATE))
    total = 0
    checksum = 0
    for i in range(n):
        if i % 100 == 0:
            nodes = parse(tokenize(TEMPLATE))   # re-parse now and then, as a cache miss would
        out = []
        ctx = make_context(i)
        for node in nodes:
            node.render(ctx, out)
        page = "".join(out)
        total += len(page)
        checksum = (checksum * 131 + hash_text(page)) % 1000000007
    return total, checksum


def hash_text(s):
    # Our own string hash: str hashes are randomized per process.
    h = 0
    for ch in s[::7]:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return h


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("characters, checksum:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
