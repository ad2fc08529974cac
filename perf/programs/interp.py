# interp.py — benchmark: a small interpreter written in Python: tokenizer, recursive-descent parser,
# compiler to stack bytecode and a dispatch loop, running programs in a tiny C-like language.
# Usage: interp.py [n] [iterations]. Self-check: the guest programs' answers equal Python's.
import sys

DEFAULT_SIZE = 6000
QUICK_SIZE = 600
EXPECTED = {
    600: (109014310, 746597),
    6000: (783023710, 10892532),
}

GUEST = """
fn is_prime(k) {
    if (k < 2) { return 0; }
    d = 2;
    while (d * d <= k) {
        if (k % d == 0) { return 0; }
        d = d + 1;
    }
    return 1;
}
fn collatz(k) {
    steps = 0;
    while (k != 1) {
        if (k % 2 == 0) { k = k / 2; } else { k = 3 * k + 1; }
        steps = steps + 1;
    }
    return steps;
}
fn fib(k) {
    if (k < 2) { return k; }
    return fib(k - 1) + fib(k - 2);
}
fn main(n) {
    primes = 0;
    longest = 0;
    i = 1;
    while (i <= n) {
        primes = primes + is_prime(i);
        c = collatz(i);
        if (c > longest) { longest = c; }
        i = i + 1;
    }
    return primes * 1000000 + longest * 100 + fib(15) % 100;
}
"""

KEYWORDS = {"fn", "if", "else", "while", "return"}
TWO_CHAR = {"==", "!=", "<=", ">="}


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(("num", int(src[i:j])))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("kw" if word in KEYWORDS else "name", word))
            i = j
        elif src[i:i + 2] in TWO_CHAR:
            tokens.append(("op", src[i:i + 2]))
            i += 2
        else:
            tokens.append(("op", c))
            i += 1
    tokens.append(("eof", None))
    return tokens


# Bytecode: a list of (opcode, argument) tuples per function.
(PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, LT, LE, GT, GE, EQ, NE,
 JUMP, JUMP_IF_FALSE, CALL, RET, POP) = range(19)
BINOPS = {"+": ADD, "-": SUB, "*": MUL, "/": DIV, "%": MOD, "<": LT, "<=": LE, ">": GT, ">=": GE,
          "==": EQ, "!=": NE}
PRECEDENCE = {"==": 1, "!=": 1, "<": 2, "<=": 2, ">": 2, ">=": 2, "+": 3, "-": 3, "*": 4, "/": 4, "%": 4}


class Function:
    def __init__(self, name, params):
        self.name = name
        self.params = params
        self.code = []
        self.slots = {p: i for i, p in enumerate(params)}

    def slot(self, name):
        if name not in self.slots:
            self.slots[name] = len(self.slots)
        return self.slots[name]


class Compiler:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
        self.functions = {}
        self.fn = None

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind=None, value=None):
        tok = self.tokens[self.pos]
        if (kind is not None and tok[0] != kind) or (value is not None and tok[1] != value):
            raise SyntaxError("expected %s %s, got %r" % (kind, value, tok))
        self.pos += 1
        return tok

    def emit(self, op, arg=None):
        self.fn.code.append((op, arg))
        return len(self.fn.code) - 1

    def program(self):
        while self.peek()[0] != "eof":
            self.take("kw", "fn")
            name = self.take("name")[1]
            self.take("op", "(")
            params = []
            while self.peek()[1] != ")":
                params.append(self.take("name")[1])
                if self.peek()[1] == ",":
                    self.take()
            self.take("op", ")")
            self.fn = Function(name, params)
            self.functions[name] = self.fn
            self.block()
            self.emit(PUSH, 0)
            self.emit(RET)
        return self.functions

    def block(self):
        self.take("op", "{")
        while self.peek()[1] != "}":
            self.statement()
        self.take("op", "}")

    def statement(self):
        kind, value = self.peek()
        if value == "if":
            self.take()
            self.take("op", "(")
            self.expression(0)
            self.take("op", ")")
            jump_else = self.emit(JUMP_IF_FALSE)
            self.block()
            if self.peek()[1] == "else":
                self.take()
                jump_end = self.emit(JUMP)
                self.patch(jump_else)
                self.block()
                self.patch(jump_end)
            else:
                self.patch(jump_else)
        elif value == "while":
            self.take()
            top = len(self.fn.code)
            self.take("op", "(")
            self.expression(0)
            self.take("op", ")")
            exit_jump = self.emit(JUMP_IF_FALSE)
            self.block()
            self.emit(JUMP, top)
            self.patch(exit_jump)
        elif value == "return":
            self.take()
            self.expression(0)
            self.take("op", ";")
            self.emit(RET)
        elif kind == "name" and self.tokens[self.pos + 1][1] == "=":
            self.take()
            self.take()
            self.expression(0)
            self.take("op", ";")
            self.emit(STORE, self.fn.slot(value))
        else:
            self.expression(0)
            self.take("op", ";")
            self.emit(POP)

    def patch(self, at):
        op, _ = self.fn.code[at]
        self.fn.code[at] = (op, len(self.fn.code))

    def expression(self, min_prec):
        # Precedence climbing over left-associative binary operators.
        self.primary()
        while True:
            kind, value = self.peek()
            prec = PRECEDENCE.get(value) if kind == "op" else None
            if prec is None or prec <= min_prec:
                return
            self.take()
            self.expression(prec)
            self.emit(BINOPS[value])

    def primary(self):
        kind, value = self.take()
        if kind == "num":
            self.emit(PUSH, value)
        elif kind == "name" and self.peek()[1] == "(":
            self.take()
            argc = 0
            while self.peek()[1] != ")":
                self.expression(0)
                argc += 1
                if self.peek()[1] == ",":
                    self.take()
            self.take("op", ")")
            self.emit(CALL, (value, argc))
        elif kind == "name":
            self.emit(LOAD, self.fn.slot(value))
        elif value == "(":
            self.expression(0)
            self.take("op", ")")
        else:
            raise SyntaxError("unexpected %r" % (value,))


def run(functions, name, args):
    fn = functions[name]
    frames = []
    code = fn.code
    local = list(args) + [0] * (len(fn.slots) - len(args))
    stack = []
    pc = 0
    executed = 0
    while True:
        op, arg = code[pc]
        pc += 1
        executed += 1
        if op == LOAD:
            stack.append(local[arg])
        elif op == PUSH:
            stack.append(arg)
        elif op == STORE:
            local[arg] = stack.pop()
        elif op == JUMP_IF_FALSE:
            if not stack.pop():
                pc = arg
        elif op == JUMP:
            pc = arg
        elif op <= NE:
            b = stack.pop()
            a = stack.pop()
            if op == ADD:
                stack.append(a + b)
            elif op == SUB:
                stack.append(a - b)
            elif op == MUL:
                stack.append(a * b)
            elif op == DIV:
                stack.append(a // b)
            elif op == MOD:
                stack.append(a % b)
            elif op == LT:
                stack.append(int(a < b))
            elif op == LE:
                stack.append(int(a <= b))
            elif op == GT:
                stack.append(int(a > b))
            elif op == GE:
                stack.append(int(a >= b))
            elif op == EQ:
                stack.append(int(a == b))
            else:
                stack.append(int(a != b))
        elif op == CALL:
            callee = functions[arg[0]]
            argc = arg[1]
            new_local = stack[len(stack) - argc:] + [0] * (len(callee.slots) - argc)
            del stack[len(stack) - argc:]
            frames.append((code, pc, local))
            code, pc, local = callee.code, 0, new_local
        elif op == RET:
            if not frames:
                return stack.pop(), executed
            code, pc, local = frames.pop()
        elif op == POP:
            stack.pop()


def reference(n):
    def is_prime(k):
        if k < 2:
            return 0
        d = 2
        while d * d <= k:
            if k % d == 0:
                return 0
            d += 1
        return 1

    def collatz(k):
        steps = 0
        while k != 1:
            k = k // 2 if k % 2 == 0 else 3 * k + 1
            steps += 1
        return steps

    primes = sum(is_prime(i) for i in range(1, n + 1))
    longest = max(collatz(i) for i in range(1, n + 1))
    return primes * 1000000 + longest * 100 + 610 % 100


def bench(n):
    functions = Compiler(tokenize(GUEST)).program()
    value, executed = run(functions, "main", [n])
    if value != reference(n):
        raise AssertionError("guest computed %d, Python %d" % (value, reference(n)))
    return value, executed


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("guest result, instructions executed:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
