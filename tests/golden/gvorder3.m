gvorder3 ; $ZPREVIOUS and $ORDER with variable direction
 set ^Z(1)="",^Z(5)="",^Z("k")="",^Z(5,2)=""
 write $zprevious(^Z("")),"|",$zprevious(^Z("k")),"|",$zprevious(^Z(5)),"|[",$zprevious(^Z(1)),"]",!
 write $zprevious(^Z(5,"")),"|[",$zprevious(^Z(5,2)),"]",!
 for d=1,-1 set s="" for  set s=$order(^Z(s),d) quit:s=""  write s,";"
 write !
 write "[",$zprevious(^none("")),"]",!
