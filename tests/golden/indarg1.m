indarg1 ; argument indirection in every command that takes it
 s A=1,B=1,C=2
 s x="A=B" i @x w "if1 ",$t,!
 s x="A=C" i @x w "not here",!
 w "if2 ",$t,!
 s x="A=B,B=C" i @x w "not here",!
 w "if3 ",$t,!
 s x="A,B" i @x w "if4 ",$t,!
 s x="""w 1,!"",""w 2,!""" x @x
 s x="0,0" h @x w "hang",!
 s x="y=5,z=6" s @x w y,z,!
 s x="y,z" k @x w $d(y),$d(z),!
 s x="q,r" n @x s q=1
 s x="!,""w"",1" w @x,!
 s x="m(1)=2,m(2)=3" s @x s x="n=m" m @x zwrite n
 s x="sub(1)" d @x
 s x="l1:A=1" g @x
 w "not here",!
l1 w "l1",!
 s x="l2:A>0" g @x
l2 s x="m(1)" zwrite @x
 s x="C" f @x=1:1:2 w C
 w !
 s x="A" i 1 e  w "no"
 s x="0" e  w "else",!
 q
sub(v) w "sub ",v,! q
