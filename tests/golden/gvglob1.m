gvglob1 ; iterating over global names with $ORDER(^%) style
 set ^zz=1,^A(1)=1,^%pct=1,^%=2,^a1=1,^A2B3=1,^abc(1,2)=1,^B=1,^Z9=1
 set g="^%" for  set g=$order(@g) quit:g=""  write g,!
 write "--",!
 write $data(^%),^%,"|",^%pct,!
 set g="^A" for  set g=$order(@g) quit:g=""  write g," "
 write !
 set g="^zzz" write "[",$order(@g),"]",!
 set g="^zz" write "[",$order(@g,-1),"]",!
 kill ^A write "after kill: ",$order(^%),"|",$order(@"^%pct"),!
