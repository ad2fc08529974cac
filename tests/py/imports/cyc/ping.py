import cyc.pong
PING = 'ping'
def call():
    return cyc.pong.PONG
