trapzh1 ; ZHALT n sets the exit status
 write "before zhalt",!
 do a
 write "not reached",!
 quit
a zhalt 3
