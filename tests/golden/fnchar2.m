fnchar2 ; $CHAR of 256 and above (GT.M in M mode)
 write "$a($c(255))=",$ascii($char(255)),!
 set n=256
 write "len $c(256)=",$length($char(n)),!
 set n=1000
 write "len $c(1000)=",$length($char(n)),!
 write "done",!
 quit
