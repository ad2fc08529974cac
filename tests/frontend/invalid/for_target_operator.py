x = [s for s*, c in pairs]
