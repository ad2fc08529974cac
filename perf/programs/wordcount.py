# wordcount.py — benchmark: dict- and set-heavy text statistics over generated prose: word and
# bigram frequencies, per-document vocabularies, document frequency, an inverted index and queries.
# Usage: wordcount.py [words] [iterations]. Self-check: counts and top words.
import sys

DEFAULT_SIZE = 400000
QUICK_SIZE = 40000
EXPECTED = {
    40000: (2000, 36620, 2353, 39539, 3542, ('ne', 'tika', 'gugu', 'gu', 'mi'), 1),
    400000: (2000, 321851, 23530, 395497, 65807, ('ne', 'tika', 'gugu', 'gu', 'mi'), 1),
}

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "do", "fi", "gu", "ho", "ja"]


def make_vocabulary(size, seed):
    state = seed
    words = []
    seen = set()
    while len(words) < size:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        n = 1 + state % 3
        w = ""
        for _ in range(n):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            w += SYLLABLES[state % len(SYLLABLES)]
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def make_text(count, vocab, seed):
    # Zipf-like: low indexes much more frequent, from the square of a uniform number.
    state = seed
    n = len(vocab)
    out = []
    for i in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        u = state / 2147483648.0
        word = vocab[int(u * u * n)]
        if i % 13 == 0:
            word = word.capitalize()
        out.append(word)
        if i % 17 == 16:
            out.append(".")
    return " ".join(out)


def bench(count):
    vocab = make_vocabulary(2000, 7)
    text = make_text(count, vocab, 11)
    counts = {}
    bigrams = {}
    documents = []
    current = set()
    prev = None
    for token in text.split():
        if token == ".":
            documents.append(current)
            current = set()
            prev = None
            continue
        word = token.lower()
        counts[word] = counts.get(word, 0) + 1
        current.add(word)
        if prev is not None:
            key = (prev, word)
            if key in bigrams:
                bigrams[key] += 1
            else:
                bigrams[key] = 1
        prev = word
    if current:
        documents.append(current)
    doc_freq = {}
    index = {}
    for d, words in enumerate(documents):
        for w in words:
            doc_freq[w] = doc_freq.get(w, 0) + 1
            index.setdefault(w, []).append(d)
    # Queries: documents containing both words of each frequent bigram.
    top_bigrams = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:200]
    hits = 0
    for (a, b), _ in top_bigrams:
        hits += len(set(index[a]) & set(index[b]))
    top = sorted(counts, key=lambda w: (-counts[w], w))[:5]
    common = set(counts)
    for d in documents[:50]:
        common &= d | {"ka"}
    return (len(counts), len(bigrams), len(documents), sum(doc_freq.values()), hits,
            tuple(top), len(common))


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("words, bigrams, documents, postings, hits, top, common:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
