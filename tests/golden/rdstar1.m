rdstar1 ; READ *x single character
 read *a
 write "a=",a,!
 read *b
 write "b=",b,!
 read *c
 write "c=",c,!
 read rest
 write "rest=[",rest,"]",!
 read *d
 write "d=",d,!
 quit
