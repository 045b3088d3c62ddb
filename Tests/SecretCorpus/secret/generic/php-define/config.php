<?php
define('API_SECRET', 'RJoeUr3g3CvhuJLE3xkJQIYJiXwKIxZiF4yznE5W');
define('API_URL', 'https://partner.example.net/v3');
