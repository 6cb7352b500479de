fnrandom1 ; $RANDOM: results only checked by range
 set ok=1 for i=1:1:1000 set r=$random(10) set:r<0!(r>9)!(r\1'=r) ok=0
 write "1000 x $r(10) in 0..9 integers: ",ok,!
 set ok=1 for i=1:1:100 set:$random(1)'=0 ok=0
 write "$r(1) always 0: ",ok,!
 set seen="" for i=1:1:2000 set r=$random(5) set:seen'[r seen=seen_r
 write "all of 0..4 seen: ",$length(seen)=5,!
 set ok=1 for i=1:1:100 set r=$random(2.9) set:r<0!(r>1) ok=0
 write "$r(2.9) in 0..1: ",ok,!
 set ok=1 for i=1:1:100 set r=$random(1E9) set:r<0!(r'<1E9)!(r\1'=r) ok=0
 write "$r(1E9) range: ",ok,!
 set ok=1 for i=1:1:100 set r=$random("3abc") set:r<0!(r>2) ok=0
 write "$r(""3abc"") range: ",ok,!
 quit
