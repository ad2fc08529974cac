# async def, await, async for/with, async comprehensions; match statements.
async def fetch(session, urls):
    async with session.get(urls[0]) as resp:
        data = await resp.read()
    async for chunk in resp:
        print(chunk)
    return [await u async for u in urls]

def classify(p):
    match p:
        case [1, *rest] if rest:
            return rest
        case {"k": v, **kw}:
            return v, kw
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return yy
        case (a, b) as t:
            return t
        case None | True:
            return None
        case str() | bytes():
            return "text"
        case _:
            return p
