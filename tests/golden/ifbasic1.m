ifbasic1 ; IF, ELSE and $TEST
 set x=5
 if x>3 write "x>3",!
 write "T=",$test,!
 if x<3 write "x<3",!
 write "T=",$test,!
 else  write "else after false if",!
 if x=5,x>4 write "both true",!
 if x=5,x>9 write "not printed",!
 write "T after and-false=",$test,!
 if 1 write "a" write "b" write "c",!
 if 0 write "a" write "b" write "c",!
 write "rest of line skipped",!
 if "abc" write "string abc is false",!
 if "1abc" write "string 1abc is true",!
 if -1 write "-1 is true",!
 if .0 write "not printed",!
 if "0.5" write "0.5 is true",!
 if 1
 if  write "argless if with T=1",!
 if 0
 if  write "not printed",!
 write "T=",$test,!
 IF x=5 WRITE "upper IF",!
 I x=5 W "abbrev I",!
 E  W "not printed",!
 quit
