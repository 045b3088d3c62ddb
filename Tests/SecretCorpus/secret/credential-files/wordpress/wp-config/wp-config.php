<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_prod' );
define( 'DB_PASSWORD', '0*_ib4ln0!rP9h47c@' );
define( 'DB_HOST', 'mysql.acme.internal' );
define( 'DB_CHARSET', 'utf8mb4' );

define( 'AUTH_KEY',         'Gl|Cb5j0oPhhwZYFUeIakx>mpp^i{Ve%k^T{CSp3mU>M3pTX4vYI?yusIh6dR<-_' );
define( 'SECURE_AUTH_KEY',  '5<hWz5{6!e!Pa]@R}]*B7I[o{AH~9&HfX7w@#@K-wN[|<uWpjgE2rajcBd-3DV5S' );

$table_prefix = 'wp_';
define( 'WP_DEBUG', false );
if ( ! defined( 'ABSPATH' ) ) {
    define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
