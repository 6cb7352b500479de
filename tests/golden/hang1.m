hang1 ; HANG 0 and HANG .1
 write "a",!
 hang 0
 write "b",!
 hang .1
 write "c",!
 h 0,.05
 write "d",!
 hang -1
 write "negative hang ok",!
 HANG "0"
 write "e",!
 quit
