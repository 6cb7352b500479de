nextneg ; $NEXT: a last subscript of -1 starts the walk, -1 answers none (locals, globals, naked, indirection)
 set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
 kill ^VV,VV
 for x=-999999999,-10,-1.2,-1,-.5,0,.5,20,"A" set ^VV(x)="",VV(x)="",^VV(1,x)=""
 set X=-1 for I=1:1:12 set X=$next(^VV(X)) write X," " quit:X=-1
 write !
 set X=-1 for I=1:1:12 set X=$next(VV(X)) write X," " quit:X=-1
 write !
 set X=-1 for I=1:1:12 set X=$next(^VV(1,X)) write X," " quit:X=-1
 write !
 set X=-1,y=^VV(1,-1) for I=1:1:12 set X=$next(^(X)) write X," " quit:X=-1
 write !
 set x="^VV(-1)" write $next(@x),! set x="VV(-1)" write $next(@x),!
 set x="VV(-1.0)" write $next(@x),! write $next(^VV("-1")),! write $next(^VV(-1.5)),!
 write $next(^VV("A")),! write $next(^VV(""))
 write !
 do t1,t2
 quit
t1 set x="VV" write $next(@x),! quit
t2 write $next(^VV),! quit
