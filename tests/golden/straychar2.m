straychar2 ; a byte M has no use for ($C(255)) after a unary minus: EXPR
 write "before",!
 write -ÿ
 write "not reached",!
 quit
