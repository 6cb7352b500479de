straychar1 ; a byte M has no use for ($C(255)) where KILL wants a variable: VAREXPECTED
 write "before",!
 kill ÿ
 write "not reached",!
 quit
