gblname ; GBLNAME: no name after a caret, at run time through indirection and in the source.
 set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
 set ^b=1,^a(1)=2,^%z=3,^zz(1,2)=4
 set x="^%" for  set x=$order(@x) quit:x=""  write x,!
 set x="^zzz" for  set x=$order(@x,-1) quit:x=""  write x,!
 do t("^") do t("^ ") do t("^1") do t("^a b")
 do s1,s2
 write "end",!
 quit
t(x) write x,": ",$order(@x),! quit
s1 write "s1 " write $data(^) quit
s2 write "s2 " set ^ =1 quit
