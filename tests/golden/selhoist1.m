selhoist1 ; a $SELECT in the right operand of & or ! runs even when the left operand decides
 set $etrap="write $piece($zstatus,"","",2,3),! set $ecode="""" quit"
 write 1,":",0&$$f,!
 write 2,":",0&$select(1:$$f),!
 write 3,":",1!$select(1:$$f),!
 write 4,":",0&$length($select(1:$$f)),!
 write 5,":",0&($$f+$select(1:2)),!
 write 6,":",0&$$g($select(1:$$f)),!
 write 7,":",$$g(0)&$select(1:$$f)&$select(1:$$h),!
 write 8,":",0&$select($select(1:$$f):$$h),!
 write 9,":",0'&$select(1:$$f),!
 if 0&$select(1:$$f) write "T"
 write !
 for i=1:1:2 write 0&$select(1:$$f)
 write !
 do t1,t2,t3
 quit
t1 write "a",0&$select(0:1),!
t2 set x=0 write "b",0&$select(x:1),!
t3 write "c",$$g(0)!$select(0:1),!
f() write "F" quit 1
g(a) write "G" quit a
h() write "H" quit 1
