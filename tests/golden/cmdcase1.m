cmdcase1 ; command names in any case, full and abbreviated
 SET A=1 Set B=2 set C=3 sEt D=4 S E=5 s F=6
 WRITE A,B,C,D,E,F,! Write "mixed",! W "W",! w "w",!
 IF A=1 WRITE "IF",! If A=1 Write "If",! I A=1 W "I",! i A=1 w "i",!
 FOR I=1:1:2 WRITE I
 For I=1:1:2 Write I
 F I=1:1:2 W I
 f I=1:1:2 w I
 W !
 DO L Do L D L d L
 W !
 KILL A Kill B K C k D
 W $D(A),$D(B),$D(C),$D(D),!
 NEW G New H N J n K
 QUIT
L W "L" Q
