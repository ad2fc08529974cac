# multiprocessing: a fork Pool mapping a function, a Process putting into a Queue.
# gcstress: 50
import multiprocessing as mp
def sq(x): return x * x
if __name__ == '__main__':
    print(mp.get_start_method())
    with mp.Pool(2) as p:
        print(p.map(sq, range(10)))
    q = mp.Queue(); pr = mp.Process(target=q.put, args=(42,)); pr.start(); print(q.get()); pr.join(); print(pr.exitcode)
