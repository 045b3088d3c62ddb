package io.acme.app

object Secrets {
    const val mapsApiSecret = "WrGm4NBdZW3Gm3YDp6uLm9tmPEzFHpnuW84ax78F"
    const val analyticsToken = "ceece0a5ae7cc46a1d9efe815e550f1a0f389f7b"
}
