opsorts2 ; negated sorts-after ']] and sorting a list with ]]
 write "10']]9: ",10']]9,!
 write "9']]10: ",9']]10,!
 write "5']]5: ",5']]5,!
 write """a""']]1: ","a"']]1,!
 set l="b,10,-3,a,2,,1.5,B,01,-10"
 set out=""
 for i=1:1:$length(l,",") set v=$piece(l,",",i) do ins
 write "sorted: ",out,!
 quit
ins ; insert v into comma list out keeping ]] order
 new j,new,done,w
 set new="",done=0
 if out="" set out=v_"|" quit
 for j=1:1:$length(out,"|")-1 set w=$piece(out,"|",j) do
 . if 'done,w]]v set new=new_v_"|",done=1
 . set new=new_w_"|"
 if 'done set new=new_v_"|"
 set out=new
 quit
