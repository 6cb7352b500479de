trapext1 ; error inside an extrinsic with $ETRAP: QUIT with a value from the trap supplies the result
 set $etrap="write ""trap at "",$stack,! set $ecode="""" quit:$quit ""fallback"" quit"
 set v=$$f(1)
 write "v=",v,!
 do p
 write "end",!
 quit
f(n) quit n/0
p write "p",! set y=$$f(2) write "y=",y,! quit
