zqgblmod1	; $ZQGBLMOD: 1 for a global that exists, 0 for one never made; names its argument
	write $zqgblmod(^zq),"|",$reference,!
	set ^a(1)=1
	write $zqgblmod(^a(1)),"|",$reference,!
	write $zqgblmod(^a(2,3)),"|",$reference,!
	set x="^a" write $zqgblmod(@x@(3)),"|",$reference,!
	write $zqgbl(^a),$zqgblmo(^a),$zqgblmod(^a(1)),$zqgblmod(^(5)),"|",$reference,!
	set ^b(1,2)=2 write $zqgblmod(^b),"|",$reference,!
	set ^q=0,d=0&$zqgblmod(^c(^a(1))) write $reference,!
	write $zqgblmod(^zz(1)),"|",$reference,!
