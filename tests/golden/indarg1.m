indarg1 ; argument indirection for SET, KILL, NEW, WRITE, DO, GOTO
 set s="a=1,b=2" set @s write "a=",a," b=",b,!
 set s2="c=3" set @s2,d=4 write "c=",c," d=",d,!
 set k="a,b" kill @k write "after kill: ",$data(a),$data(b),!
 set w="""w1"",""-"",c" write @w,!
 set dd="lab1" do @dd
 set dd="lab2^indarg1" do @dd
 set dd="lab3(7)" do @dd
 set n="c" do nw(n) write "c after nw=",c,!
 set g="there" goto @g
 write "not reached",!
there write "at there",!
 set g2="fin^indarg1" goto @g2
 quit
lab1 write "in lab1",! quit
lab2 write "in lab2",! quit
lab3(x) write "in lab3 x=",x,! quit
nw(v) new @v set c="inner" write "nw c=",c,! quit
fin write "at fin",! quit
