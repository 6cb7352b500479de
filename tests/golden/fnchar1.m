fnchar1 ; $CHAR with one and many arguments
 write "$c(65)=",$char(65),!
 write "$c(72,105)=",$char(72,105),!
 write "$c(97,98,99,100,101,102,103,104)=",$char(97,98,99,100,101,102,103,104),!
 write "len $c(-1)=",$length($char(-1)),!
 write "len $c(65,-1,66)=",$length($char(65,-1,66)),!
 write "$c(65,-1,66)=",$char(65,-1,66),!
 write "len $c(0)=",$length($char(0)),!
 write "$a($c(0))=",$ascii($char(0)),!
 write "$a($c(255))=",$ascii($char(255)),!
 write "$a($c(127))=",$ascii($char(127)),!
 write "$c(65.9)=",$char(65.9),!
 write "$c(""66abc"")=",$char("66abc"),!
 write "len $c(-5)=",$length($char(-5)),!
 write "len $c(9,10,13)=",$length($c(9,10,13)),!
 write "$c(48)_$c(49)=",$c(48)_$c(49),!
 write "$c(32)="" "": ",$c(32)=" ",!
 write "$c(65)=""A"": ",$c(65)="A",!
 quit
