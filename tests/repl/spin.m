spin ; a loop that runs until stop is set (Ctrl-C, then set stop=1 and ZCONTINUE)
 set i=0
loop set i=i+1 goto:'$get(stop) loop
 write "stopped after ",i>0,!
 quit
