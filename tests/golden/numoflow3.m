numoflow3 ; NUMOFLOW from exponentiation at run time
 set b=10,e=40 write "10**40=",b**e,!
 set b=2,e=100 write "2**100=",b**e,!
 set e=50
 write "10**50=",10**e,!
 write "not reached",!
 quit
