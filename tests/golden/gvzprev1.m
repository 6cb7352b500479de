gvzprev1 ; $ZPREVIOUS on globals
 set ^p(1)=1,^p(5)=5,^p("z")="z",^p(5,2)=52,^p(5,3)=53
 write $zprevious(^p("")),!
 write $zprevious(^p("z")),"|",$zprevious(^p(5)),"|[",$zprevious(^p(1)),"]",!
 write $zprevious(^p(5,"")),"|",$zprevious(^p(5,3)),!
 set s="" for  set s=$zprevious(^p(s)) quit:s=""  write s," "
 write !
 write $zprevious(^p(3)),"|",$zp(^p("a")),!
 quit
