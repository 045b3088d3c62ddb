import googlemaps

gmaps = googlemaps.Client(key='AIzaREKS2zlG5dMRTdccpRqrM0v_oAvrHo0iW3a')


def coords(address):
    res = gmaps.geocode(address)
    return res[0]["geometry"]["location"] if res else None
