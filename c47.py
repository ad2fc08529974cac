rb'''x''' Rb"y" bR'z' Fr'w' uR'v' ur'u'
