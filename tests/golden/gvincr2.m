gvincr2 ; $INCREMENT naked reference, indirection, big and tiny values
 set ^C(1,1)=10
 write $increment(^(2)),$reference,!
 write $increment(^C(1,1),^C(1,2)),!
 set x="^C(2)" write $increment(@x,-2),$increment(@x,-2),!
 set ^C(3)=1E18 write $increment(^C(3)),!
 set ^C(4)=.1 write $increment(^C(4),.2),!
 write $increment(^C(5),"1E2"),!
 write $increment(^C(6),"-.5x"),!
 set ^C(7)="" write $increment(^C(7)),!
 set y=$increment(^C(8)),y=$increment(^C(8)) write y,!
 zwrite ^C
