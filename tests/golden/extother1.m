extother1 write "extother1 run alone",! quit
double(x) quit x*2
neg(x) quit -x
 ; label with a dot block inside an extrinsic
sum(n) new s,i set s=0
 for i=1:1:n do
 . set s=s+i
 quit s
lines() quit "a"_$char(10)_"b"
