import cyc.ping
PONG = 'pong'
def call():
    return cyc.ping.PING
