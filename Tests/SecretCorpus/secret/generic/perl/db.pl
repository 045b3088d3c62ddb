use DBI;
my $dbh = DBI->connect('DBI:mysql:database=legacy;host=db', 'legacy', 'Tiger!4977Q', { RaiseError => 1 });
