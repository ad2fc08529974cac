# regex_match.py — benchmark: regular expressions over generated log lines: compiled patterns with
# groups, named groups, findall, finditer, sub with a function, split, search vs match.
# Usage: regex_match.py [lines] [iterations]. Self-check: counts of matches and extracted fields.
import re
import sys

DEFAULT_SIZE = 400000
QUICK_SIZE = 40000
EXPECTED = {
    40000: ((('DEBUG', 9064), ('ERROR', 9083), ('INFO', 9082), ('WARN', 9144)), 8958, 995, 354270, 3627, 49922, 13000, 256300, 28899, 800),
    400000: ((('DEBUG', 90873), ('ERROR', 90734), ('INFO', 90998), ('WARN', 90993)), 90524, 1000, 3558804, 36402, 498874, 130000, 2561698, 289269, 8000),
}

LEVELS = ["INFO", "WARN", "ERROR", "DEBUG"]
PATHS = ["/api/users", "/api/orders/17", "/static/app.js", "/login", "/api/users/42/posts", "/health"]

LINE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>\d{2}:\d{2}:\d{2}) \[(?P<level>[A-Z]+)\] "
                  r"(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) \"(?P<method>GET|POST|PUT) (?P<path>[^ \"]+)\" "
                  r"(?P<status>\d{3}) (?P<ms>\d+)ms(?: user=(?P<user>\w+))?$")
NUMBER = re.compile(r"\d+")
API_ID = re.compile(r"/api/(\w+)/(\d+)")
EMAILISH = re.compile(r"[a-z]+\d*@[a-z]+\.(?:org|com)")


def make_lines(n):
    state = 31337
    lines = []
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        level = LEVELS[state % 4]
        path = PATHS[(state >> 3) % len(PATHS)]
        method = ("GET", "POST", "PUT")[(state >> 6) % 3]
        ip = "10.%d.%d.%d" % ((state >> 8) % 256, (state >> 12) % 256, (state >> 16) % 256)
        status = (200, 201, 404, 500, 302)[(state >> 9) % 5]
        line = "2024-%02d-%02d %02d:%02d:%02d [%s] %s \"%s %s\" %d %dms" % (
            1 + i % 12, 1 + i % 28, i % 24, i % 60, (i * 7) % 60, level, ip, method, path, status,
            (state >> 5) % 2000)
        if state % 7 == 0:
            line += " user=u%d" % (state % 1000)
        if state % 11 == 0:
            line = "garbage " + line   # does not match LINE
        lines.append(line)
    return lines


def bench(n):
    lines = make_lines(n)
    levels = {}
    slow = 0
    users = set()
    api_ids = 0
    bad = 0
    for line in lines:
        m = LINE.match(line)
        if m is None:
            bad += 1
            continue
        level = m.group("level")
        levels[level] = levels.get(level, 0) + 1
        if int(m.group("ms")) > 1500:
            slow += 1
        user = m.group("user")
        if user:
            users.add(user)
        a = API_ID.search(m.group("path"))
        if a:
            api_ids += int(a.group(2))
    text = "\n".join(lines[:n // 10])
    numbers = len(NUMBER.findall(text))
    spans = sum(m.end() - m.start() for m in re.finditer(r"\[(ERROR|WARN)\]", text))
    masked = re.sub(r"\d+\.\d+\.\d+\.\d+", lambda m: "ip" + str(len(m.group(0))), text)
    pieces = len(re.split(r"[ \"\[\]]+", text))
    emails = len(EMAILISH.findall("contact bob12@example.org or ann@test.com " * (n // 100)))
    return (tuple(sorted(levels.items())), slow, len(users), api_ids, bad, numbers, spans,
            len(masked), pieces, emails)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("levels, slow, users, ids, bad, numbers, spans, masked, pieces, emails:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
