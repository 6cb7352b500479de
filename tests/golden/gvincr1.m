gvincr1 ; $INCREMENT on globals
 write $increment(^I),!
 write $increment(^I),!
 write $increment(^I,5),!
 write $increment(^I,-10),!
 write $increment(^I,0.5),!
 write $increment(^I(1,2),2.25),!
 write $increment(^I("s"),"3abc"),!
 set ^I(2)="7xyz" write $increment(^I(2)),!
 set ^I(3)="abc" write $increment(^I(3)),!
 write $increment(^I(4),-.1),!
 write $increment(^I(5),1E3),!
 zwrite ^I
 set x="^I(6)" write $increment(@x,2),!
