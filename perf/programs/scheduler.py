# scheduler.py — benchmark: an operating-system task scheduler in the style of "richards": tasks of
# several kinds with priorities exchange message packets, block, wake and hold each other.
# Usage: scheduler.py [rounds] [iterations]. Self-check: counters of every kind of event.
import sys

DEFAULT_SIZE = 300
QUICK_SIZE = 30
EXPECTED = {
    30: (192308, 67554, 27115, 67584, 8348175),
    300: (1923450, 675678, 271197, 675978, 86589364),
}

# Task identities; higher number = higher priority when priorities tie.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_WORK, KIND_DEVICE = 0, 1


class Packet:
    __slots__ = ("link", "dest", "kind", "count", "data")

    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        # Appends self (detached) to the end of a linked queue and returns the queue head.
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, system, ident, priority, queue):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is None   # waiting for a packet
        self.held = False
        self.suspended = False
        self.next = None

    def runnable(self):
        return not self.held and not (self.waiting and self.queue is None) and not self.suspended

    def take_packet(self):
        p = self.queue
        if p is not None:
            self.queue = p.link
        self.waiting = False
        return p

    def receive(self, packet):
        # A packet arrives for this task; the caller decides who runs next.
        self.queue = packet.append_to(self.queue)


class IdleTask(Task):
    def __init__(self, system, ident, priority, count):
        Task.__init__(self, system, ident, priority, None)
        self.waiting = False
        self.seed = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.system.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.system.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.system.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.system.wait()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.dest = self.target
        packet.count = 0
        for i in range(4):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
        return self.system.send(packet, self.target)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            if work.count < 4:
                if self.devices is not None:
                    dev = self.devices
                    self.devices = dev.link
                    dev.count = work.data[work.count]
                    work.count += 1
                    return self.system.send(dev, dev.dest)
            else:
                self.work = work.link
                return self.system.send(work, WORKER)
        return self.system.wait()


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        Task.__init__(self, system, ident, priority, None)
        self.pending = None

    def step(self, packet):
        if packet is None:
            if self.pending is None:
                return self.system.wait()
            p = self.pending
            self.pending = None
            return self.system.send(p, HANDLER_A if self.ident == DEVICE_A else HANDLER_B)
        self.pending = packet
        self.system.checksum = (self.system.checksum * 7 + packet.count) % 1000003
        return self.system.hold_self()


class System:
    def __init__(self):
        self.tasks = [None] * 6
        self.current = None
        self.sends = 0
        self.holds = 0
        self.waits = 0
        self.checksum = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def by_priority(self):
        return sorted((t for t in self.tasks if t is not None), key=lambda t: -t.priority)

    def run(self):
        order = self.by_priority()
        steps = 0
        while True:
            task = None
            for t in order:
                if t.runnable():
                    task = t
                    break
            if task is None:
                return steps
            self.current = task
            packet = task.take_packet() if task.queue is not None else None
            task.step(packet)
            steps += 1

    # Primitive operations; each returns nothing useful, the scheduler picks the next task.
    def wait(self):
        self.waits += 1
        self.current.waiting = True

    def hold_self(self):
        self.holds += 1
        self.current.held = True

    def release(self, ident):
        self.tasks[ident].held = False

    def send(self, packet, ident):
        self.sends += 1
        target = self.tasks[ident]
        packet.link = None
        target.receive(packet)


def one_round(count):
    s = System()
    s.add(IdleTask(s, IDLE, 0, count))
    queue = Packet(None, WORKER, KIND_WORK)
    queue = Packet(queue, WORKER, KIND_WORK)
    s.add(WorkerTask(s, WORKER, 1000, queue))
    for ident, prio in ((HANDLER_A, 2000), (HANDLER_B, 3000)):
        q = Packet(None, DEVICE_A if ident == HANDLER_A else DEVICE_B, KIND_DEVICE)
        q = Packet(q, q.dest, KIND_DEVICE)
        q = Packet(q, q.dest, KIND_DEVICE)
        s.add(HandlerTask(s, ident, prio, q))
    s.add(DeviceTask(s, DEVICE_A, 4000))
    s.add(DeviceTask(s, DEVICE_B, 5000))
    steps = s.run()
    return steps, s.sends, s.holds, s.waits, s.checksum


def bench(rounds):
    totals = [0, 0, 0, 0, 0]
    for r in range(rounds):
        res = one_round(1000 + r % 7)
        for i in range(5):
            totals[i] += res[i]
    return tuple(totals)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("steps, sends, holds, waits, checksum:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
