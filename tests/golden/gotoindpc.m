gotoindpc ; GOTO @a,@b: an argument whose indirect text carries a false postcondition passes to the next
 set A="1+3:0",B="1+4:1" goto @A,@B
 write "fell",! quit
1 write "at 1",! goto two
 write "at 1+1",! quit
 write "at 1+2",! quit
 write "at 1+3",! quit
 write "at 1+4",! goto two
two set A="x:0",B="y:0" goto @A,@B
 write "none taken",!
 set A=5,B="C",C="1" goto @A+@B:@B=@B
 quit
5 write "at 5",! quit
 write "at 5+1",! goto three
three set A="x:0",B="y" goto @A,@B:0,@A,four
 quit
four write "at four",! quit
x write "at x",! quit
y write "at y",! quit
