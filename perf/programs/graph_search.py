# graph_search.py — benchmark: graph algorithms over a generated road-like grid graph: BFS hop counts,
# Dijkstra shortest paths with a dict-based heap, union-find components, a topological sort of a DAG
# and A* on a maze. Usage: graph_search.py [side] [iterations]. Self-check: A* == Dijkstra, sums.
import sys

DEFAULT_SIZE = 330
QUICK_SIZE = 100
EXPECTED = {
    100: (9980, 1009361, 3447970, 633, 18, (10000, 263)),
    330: (108678, 36103806, 123237152, 2057, 205, (108900, 98018)),
}


class Rng:
    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return self.s % n


def make_grid_graph(side, rng):
    # Nodes are (x, y) tuples; edges to right and lower neighbours with random weights, some removed.
    adj = {}
    for y in range(side):
        for x in range(side):
            adj[(x, y)] = []
    for y in range(side):
        for x in range(side):
            for nx, ny in ((x + 1, y), (x, y + 1)):
                if nx < side and ny < side and rng.below(10) < 8:
                    w = 1 + rng.below(9)
                    adj[(x, y)].append(((nx, ny), w))
                    adj[(nx, ny)].append(((x, y), w))
    return adj


def bfs(adj, start):
    dist = {start: 0}
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            d = dist[node] + 1
            for other, _ in adj[node]:
                if other not in dist:
                    dist[other] = d
                    nxt.append(other)
        frontier = nxt
    return dist


def heap_push(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i > 0:
        p = (i - 1) // 2
        if heap[p] <= item:
            break
        heap[i] = heap[p]
        i = p
    heap[i] = item


def heap_pop(heap):
    top = heap[0]
    last = heap.pop()
    if heap:
        i = 0
        n = len(heap)
        while True:
            c = 2 * i + 1
            if c >= n:
                break
            if c + 1 < n and heap[c + 1] < heap[c]:
                c += 1
            if heap[c] >= last:
                break
            heap[i] = heap[c]
            i = c
        heap[i] = last
    return top


def dijkstra(adj, start):
    dist = {start: 0}
    heap = [(0, start)]
    done = set()
    while heap:
        d, node = heap_pop(heap)
        if node in done:
            continue
        done.add(node)
        for other, w in adj[node]:
            nd = d + w
            if nd < dist.get(other, 1 << 60):
                dist[other] = nd
                heap_push(heap, (nd, other))
    return dist


def astar(adj, start, goal):
    gx, gy = goal
    best = {start: 0}
    heap = [(abs(start[0] - gx) + abs(start[1] - gy), 0, start)]
    while heap:
        f, g, node = heap_pop(heap)
        if node == goal:
            return g
        if g > best.get(node, 1 << 60):
            continue
        for other, w in adj[node]:
            ng = g + w
            if ng < best.get(other, 1 << 60):
                best[other] = ng
                heap_push(heap, (ng + abs(other[0] - gx) + abs(other[1] - gy), ng, other))
    return None


def components(adj):
    parent = {node: node for node in adj}

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for node, edges in adj.items():
        for other, _ in edges:
            a, b = find(node), find(other)
            if a != b:
                parent[a] = b
    return len({find(n) for n in adj})


def topo_order(n, rng):
    # A random DAG on 0..n-1 (edges go from lower to higher labels after a shuffle), Kahn's algorithm.
    labels = list(range(n))
    for i in range(n - 1, 0, -1):
        j = rng.below(i + 1)
        labels[i], labels[j] = labels[j], labels[i]
    succ = [[] for _ in range(n)]
    indeg = [0] * n
    for i in range(n):
        for _ in range(3):
            j = i + 1 + rng.below(20)
            if j < n:
                succ[labels[i]].append(labels[j])
                indeg[labels[j]] += 1
    ready = [v for v in range(n) if indeg[v] == 0]
    order = []
    while ready:
        v = ready.pop()
        order.append(v)
        for w in succ[v]:
            indeg[w] -= 1
            if indeg[w] == 0:
                ready.append(w)
    position = {v: i for i, v in enumerate(order)}
    for v in range(n):
        for w in succ[v]:
            if position[v] >= position[w]:
                raise AssertionError("topological order violated")
    return len(order), order[len(order) // 2]


def bench(side):
    rng = Rng(3)
    adj = make_grid_graph(side, rng)
    start = (0, 0)
    hops = bfs(adj, start)
    dist = dijkstra(adj, start)
    goal = max(dist, key=lambda node: (node[0] + node[1], node))
    a = astar(adj, start, goal)
    if a != dist[goal]:
        raise AssertionError("A* %r != Dijkstra %r" % (a, dist[goal]))
    comps = components(adj)
    topo = topo_order(side * side, rng)
    return len(hops), sum(hops.values()), sum(dist.values()), a, comps, topo


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("reached, hops, distances, a*, components, topo:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
